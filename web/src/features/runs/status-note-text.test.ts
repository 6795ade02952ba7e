import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translatorIn as tIn } from '../../i18n/translator-for-tests';
import { statusNoteText } from './status-note-text';

test('a status note reads in Chinese from its code, the values it quotes kept as they are', async () => {
  const t = await tIn('zh-CN');
  const noAnswer = { note: 'No answer after 4 attempts over 2 s: ECONNREFUSED', noteCode: { code: 'noAnswer', params: { attempts: 4, seconds: 2, reason: 'ECONNREFUSED' } } } as const;
  assert.equal(statusNoteText(t, 'zh-CN', noAnswer), '尝试 4 次、历时 2 秒仍无应答：ECONNREFUSED');
  const submitted = { note: '…', noteCode: { code: 'submittedRestoring', params: { actor: 'alice', version: 3, path: 's3://sp/1' } } } as const;
  assert.equal(statusNoteText(t, 'zh-CN', submitted), '由 alice 提交：版本 3，从 s3://sp/1 恢复');
});

test('"since" is said only when Flink gave a time for its status', async () => {
  const en = await tIn('en-US');
  const without = { note: '…', noteCode: { code: 'backInContact', params: { state: 'RUNNING' } } } as const;
  assert.equal(statusNoteText(en, 'en-US', without), 'back in contact with the JobManager: Flink reports RUNNING');
  const withTime = { note: '…', noteCode: { code: 'backInContact', params: { state: 'RUNNING', sinceAt: Date.UTC(2026, 11, 6, 8, 0) } } } as const;
  assert.match(statusNoteText(en, 'en-US', withTime) ?? '', /^back in contact with the JobManager: Flink reports RUNNING since \S.*2026/);
  const zh = await tIn('zh-CN');
  assert.match(statusNoteText(zh, 'zh-CN', withTime) ?? '', /^已与 JobManager 恢复联系：Flink 报告 RUNNING（自 .*2026.* 起）$/);
});

test('an entry kept before notes had codes shows its English as it is', async () => {
  const t = await tIn('zh-CN');
  assert.equal(statusNoteText(t, 'zh-CN', { note: 'Submitted by alice: version 1', noteCode: undefined }), 'Submitted by alice: version 1');
  assert.equal(statusNoteText(t, 'zh-CN', { note: null }), null);
});
