import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DeliveryFailure } from '@weir/contract';
import { translatorIn as tIn } from '../../i18n/translator-for-tests';
import { deliveryFailureText, senderText } from './delivery-failure-text';

const failed = (error: string, errorCode: DeliveryFailure) => ({ error, errorCode });

test('a refused connection reads in Chinese, its address kept as it is, and the sender\'s text stays for the detail', async () => {
  const zh = await tIn('zh-CN');
  const refused = failed('connect ECONNREFUSED 127.0.0.1:9', { code: 'connectionRefused', params: { address: '127.0.0.1:9' } });
  assert.equal(deliveryFailureText(zh, refused), '连接被拒绝：127.0.0.1:9');
  assert.equal(senderText(refused), 'connect ECONNREFUSED 127.0.0.1:9');
  const en = await tIn('en-US');
  assert.equal(deliveryFailureText(en, refused), 'Connection refused at 127.0.0.1:9');
});

test('every reason has its own sentence in both languages, with its values in it', async () => {
  const reasons: [DeliveryFailure, string, string][] = [
    [{ code: 'timedOut', params: { ms: 10000 } }, 'No answer within 10000 ms', '10000 毫秒内没有应答'],
    [{ code: 'nameNotResolved', params: { host: 'hooks.example' } }, 'The host name hooks.example could not be resolved', '无法解析主机名 hooks.example'],
    [{ code: 'tlsFailed', params: { detail: 'CERT_HAS_EXPIRED' } }, 'The secure connection (TLS) failed: CERT_HAS_EXPIRED', '安全连接（TLS）失败：CERT_HAS_EXPIRED'],
    [{ code: 'httpStatus', params: { status: 503 } }, 'The receiver answered HTTP 503', '接收方返回 HTTP 503'],
    [{ code: 'outboundDenied', params: { host: '10.0.0.5' } }, "Not sent: 10.0.0.5 is in a network Weir's outbound rule does not send to", '未发送：10.0.0.5 位于 Weir 出站规则不允许访问的网络'],
    [{ code: 'other', params: { message: 'DingTalk answered errcode 310000' } }, 'Not delivered: DingTalk answered errcode 310000', '发送失败：DingTalk answered errcode 310000'],
  ];
  const en = await tIn('en-US');
  const zh = await tIn('zh-CN');
  for (const [code, english, chinese] of reasons) {
    assert.equal(deliveryFailureText(en, failed('raw', code)), english);
    assert.equal(deliveryFailureText(zh, failed('raw', code)), chinese);
  }
});

test('an address or host Node did not give is not shown as a blank', async () => {
  const zh = await tIn('zh-CN');
  assert.equal(deliveryFailureText(zh, failed('ECONNREFUSED', { code: 'connectionRefused', params: { address: '' } })), '连接被拒绝：接收方地址无服务监听');
  assert.equal(deliveryFailureText(zh, failed('EAI_AGAIN', { code: 'nameNotResolved', params: { host: '' } })), '无法解析接收方的主机名');
});

test('a delivery recorded before codes, or canceled, shows its text as it is, with no separate detail', async () => {
  const zh = await tIn('zh-CN');
  assert.equal(deliveryFailureText(zh, { error: 'connect ECONNREFUSED 127.0.0.1:9' }), 'connect ECONNREFUSED 127.0.0.1:9');
  assert.equal(deliveryFailureText(zh, { error: 'canceled: the rule was deleted', errorCode: null }), 'canceled: the rule was deleted');
  assert.equal(senderText({ error: 'canceled: the rule was deleted', errorCode: null }), null);
  assert.equal(deliveryFailureText(zh, { error: null, errorCode: null }), null);
});

test("a chat service's own refusal reads as what to fix, in both languages, with the service's code beside it", async () => {
  const en = await tIn('en-US');
  const zh = await tIn('zh-CN');
  const keyword = failed('DingTalk answered errcode 310000', { code: 'keywordMissing', params: { service: 'dingtalk', serviceCode: '310000' } });
  assert.equal(deliveryFailureText(en, keyword), "DingTalk rejected the message: it lacks the keyword the bot's security settings require (310000)");
  assert.equal(deliveryFailureText(zh, keyword), '钉钉拒收消息：消息不含机器人安全设置要求的关键词（310000）');
  assert.equal(senderText(keyword), 'DingTalk answered errcode 310000', "the sender's text stays for the detail");
  const channel = failed('Slack answered HTTP 404 channel_not_found', { code: 'channelNotFound', params: { service: 'slack', serviceCode: 'channel_not_found' } });
  assert.equal(deliveryFailureText(en, channel), 'Slack cannot find the channel the webhook posts to (channel_not_found)');
  assert.equal(deliveryFailureText(zh, channel), 'Slack找不到该 Webhook 发往的频道（channel_not_found）');
  const codes = ['tokenInvalid', 'webhookGone', 'channelArchived', 'signatureRejected', 'ipNotAllowed', 'rateLimited', 'messageRejected'] as const;
  for (const code of codes) {
    const text = deliveryFailureText(zh, failed('raw', { code, params: { service: 'wecom', serviceCode: '45009' } }))!;
    assert.ok(text.startsWith('企业微信') && text.endsWith('（45009）'), `${code}: ${text}`);
  }
});
