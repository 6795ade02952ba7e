import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SectionReasonCode } from '@weir/contract';
import { enUS } from '../../i18n/resources';
import { zhCN } from '../../i18n/resources.zh-CN';
import { translatorIn as tIn } from '../../i18n/translator-for-tests';
import { sectionReasonText } from './section-reason-text';

test('why a section is not live reads in Chinese from its code, the cluster and its last error quoted', async () => {
  const t = await tIn('zh-CN');
  const down = { reason: 'Cluster prod does not answer (connect ECONNREFUSED)', reasonCode: { code: 'clusterUnreachableBecause', params: { cluster: 'prod', error: 'connect ECONNREFUSED' } } } as const;
  assert.equal(sectionReasonText(t, down), '集群 prod 无应答（connect ECONNREFUSED）');
  const refused = { reason: 'The job never reached Flink: the cluster refused its submission', reasonCode: { code: 'neverReachedFlink', params: {} } } as const;
  assert.equal(sectionReasonText(t, refused), '作业从未到达 Flink：集群拒绝了它的提交');
});

test('in English the code reads as the English the server sends, without its trailing full stop', async () => {
  const t = await tIn('en-US');
  const gone = { reason: 'The cluster no longer has job abc', reasonCode: { code: 'jobGone', params: { jobId: 'abc' } } } as const;
  assert.equal(sectionReasonText(t, gone), gone.reason);
  assert.equal(sectionReasonText(t, { reason: 'Flink said no.', reasonCode: { code: 'flinkError', params: { message: 'Flink said no.' } } }), 'Flink said no');
});

test('a reason without a code (an older server) shows its English as it is', async () => {
  const t = await tIn('zh-CN');
  assert.equal(sectionReasonText(t, { reason: 'Cluster prod does not answer.' }), 'Cluster prod does not answer');
  assert.equal(sectionReasonText(t, { reason: null, reasonCode: null }), '');
});

/** The {{values}} a text fills in, sorted. */
const placeholdersOf = (text: string) => [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1]!).sort().join();

test('every reason code the server can send has a text in both languages filling in the same values', () => {
  for (const code of SectionReasonCode.options) {
    const en = enUS.runDetail.source.reasons[code];
    const zh = zhCN.runDetail.source.reasons[code];
    assert.equal(typeof en, 'string', `runDetail.source.reasons.${code} in English`);
    assert.equal(typeof zh, 'string', `runDetail.source.reasons.${code} in Chinese`);
    assert.equal(placeholdersOf(zh), placeholdersOf(en), code);
  }
});
