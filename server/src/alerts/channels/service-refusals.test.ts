import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DeliveryFailure } from '@weir/contract';
import { DeliveryError } from './channel-sender.js';
import { classifyDeliveryFailure } from './delivery-failure.js';
import { serviceRefusal, type ServiceAnswer } from './service-refusals.js';

const TIMEOUT = { timeoutMs: 10_000 };
const refused = (answer: ServiceAnswer, httpStatus?: number) =>
  classifyDeliveryFailure(new DeliveryError(`${answer.service} refused`, 'POST …', null, { serviceAnswer: answer, ...(httpStatus ? { httpStatus } : {}) }), TIMEOUT);

test("each service's documented refusal codes read as what an operator fixes, with the raw code kept", () => {
  const cases: [ServiceAnswer, DeliveryFailure['code']][] = [
    [{ service: 'slack', code: 'invalid_token' }, 'tokenInvalid'],
    [{ service: 'slack', code: 'no_service' }, 'webhookGone'],
    [{ service: 'slack', code: 'channel_not_found' }, 'channelNotFound'],
    [{ service: 'slack', code: 'channel_is_archived' }, 'channelArchived'],
    [{ service: 'slack', code: 'invalid_blocks' }, 'messageRejected'],
    [{ service: 'feishu', code: '19021' }, 'signatureRejected'],
    [{ service: 'feishu', code: '19022' }, 'ipNotAllowed'],
    [{ service: 'feishu', code: '19024' }, 'keywordMissing'],
    [{ service: 'feishu', code: '11232' }, 'rateLimited'],
    [{ service: 'feishu', code: '9499' }, 'messageRejected'],
    [{ service: 'dingtalk', code: '300001', message: 'token is not exist' }, 'tokenInvalid'],
    [{ service: 'dingtalk', code: '130101', message: 'send too fast, exceed 20 times per minute' }, 'rateLimited'],
    [{ service: 'dingtalk', code: '310000', message: 'keywords not in content' }, 'keywordMissing'],
    [{ service: 'dingtalk', code: '310000', message: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]' }, 'signatureRejected'],
    [{ service: 'dingtalk', code: '310000', message: 'invalid timestamp' }, 'signatureRejected'],
    [{ service: 'dingtalk', code: '310000', message: 'ip 203.0.113.9 not in whitelist' }, 'ipNotAllowed'],
    [{ service: 'wecom', code: '45009' }, 'rateLimited'],
    [{ service: 'wecom', code: '40008' }, 'messageRejected'],
  ];
  for (const [answer, code] of cases) {
    const failure = refused(answer);
    assert.deepEqual(failure, { code, params: { service: answer.service, serviceCode: answer.code } }, `${answer.service} ${answer.code}`);
    assert.ok(DeliveryFailure.safeParse(failure).success, 'a code the contract (and so the web app) knows');
  }
});

test("Slack's own word names the cause better than the HTTP status it came with", () => {
  assert.deepEqual(refused({ service: 'slack', code: 'channel_not_found' }, 404), { code: 'channelNotFound', params: { service: 'slack', serviceCode: 'channel_not_found' } });
  assert.deepEqual(refused({ service: 'slack', code: 'some_new_word' }, 400), { code: 'httpStatus', params: { status: 400 } }, 'an unmapped word keeps the status');
});

test('a code no service documents, or a DingTalk 310000 whose message says nothing known, stays other', () => {
  assert.equal(serviceRefusal({ service: 'wecom', code: '93000' }), undefined);
  assert.equal(serviceRefusal({ service: 'feishu', code: '(none)' }), undefined);
  assert.equal(serviceRefusal({ service: 'dingtalk', code: '310000' }), undefined);
  assert.equal(serviceRefusal({ service: 'slack', code: 'constructor' }), undefined, "a word that names Object's own property is not an entry");
  assert.equal(serviceRefusal({ service: 'webhook', code: '19021' }), undefined, "another service's code means nothing here");
  assert.deepEqual(refused({ service: 'wecom', code: '93000' }), { code: 'other', params: { message: 'wecom refused' } });
});
