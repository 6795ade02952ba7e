import type { AlertChannelType, DeliveryFailure } from '@weir/contract';

// A chat service's own refusal (Slack's short error words, Feishu's `code`, DingTalk's and WeCom's
// `errcode`) as a delivery-failure code an operator can act on: the token is wrong, the webhook is
// gone, the keyword or signature check failed, the service limits the rate, the channel is not
// there. Only codes the services document are mapped; any other refusal stays `other`, quoting the
// sender's text. The service's raw code travels as a value, shown beside the sentence. Pure.

/** What the service answered: its raw code and, where one code covers several causes, its message. */
export interface ServiceAnswer {
  service: AlertChannelType;
  code: string;
  message?: string | undefined;
}

type ServiceFailureCode = Extract<DeliveryFailure, { params: { service: string; serviceCode: string } }>['code'];

/** Slack incoming webhooks' documented error words. */
const SLACK: Record<string, ServiceFailureCode> = {
  invalid_token: 'tokenInvalid',
  no_service: 'webhookGone',
  channel_not_found: 'channelNotFound',
  channel_is_archived: 'channelArchived',
  invalid_blocks: 'messageRejected',
};

/** Feishu/Lark custom bots (the custom bot guide): signature, IP allow list, keyword, rate, bad request. */
const FEISHU: Record<string, ServiceFailureCode> = {
  '19021': 'signatureRejected',
  '19022': 'ipNotAllowed',
  '19024': 'keywordMissing',
  '11232': 'rateLimited',
  '9499': 'messageRejected',
};

/** DingTalk custom robots: 310000 is every security setting's refusal, told apart by its errmsg. */
const DINGTALK: Record<string, ServiceFailureCode> = {
  '300001': 'tokenInvalid',
  '130101': 'rateLimited',
};
const DINGTALK_SECURITY: [RegExp, ServiceFailureCode][] = [
  [/keywords not in content/i, 'keywordMissing'],
  [/sign not match|invalid timestamp/i, 'signatureRejected'],
  [/not in whitelist/i, 'ipNotAllowed'],
];

/** WeCom's global codes that a group robot answers with. */
const WECOM: Record<string, ServiceFailureCode> = {
  '45009': 'rateLimited',
  '40008': 'messageRejected',
};

export function serviceRefusal(answer: ServiceAnswer): DeliveryFailure | undefined {
  const code = answer.code;
  let mapped: ServiceFailureCode | undefined;
  switch (answer.service) {
    case 'slack':
      mapped = own(SLACK, code);
      break;
    case 'feishu':
      mapped = own(FEISHU, code);
      break;
    case 'dingtalk':
      mapped = code === '310000' ? DINGTALK_SECURITY.find(([pattern]) => pattern.test(answer.message ?? ''))?.[1] : own(DINGTALK, code);
      break;
    case 'wecom':
      mapped = own(WECOM, code);
      break;
    default:
      mapped = undefined;
  }
  return mapped ? ({ code: mapped, params: { service: answer.service, serviceCode: code.slice(0, 60) } } as DeliveryFailure) : undefined;
}

/** A table's own entry (not one inherited from Object's prototype, which a hostile code could name). */
function own(table: Record<string, ServiceFailureCode>, code: string): ServiceFailureCode | undefined {
  return Object.hasOwn(table, code) ? table[code] : undefined;
}
