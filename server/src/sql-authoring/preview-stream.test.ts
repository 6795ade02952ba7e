import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { FlinkRejectedError } from '../errors/errors.js';
import { streamPreviewAnswer } from './preview-stream.js';

test("a preview that fails after it started ends with an error line in the caller's language", async () => {
  const app = Fastify();
  app.get('/preview', (req, reply) =>
    streamPreviewAnswer(req, reply, async (_signal, emit) => {
      emit({ type: 'started', maxRows: 100, timeoutSeconds: 60 });
      throw new FlinkRejectedError('The SQL Gateway did not finish the statement within 120000 ms');
    }),
  );
  const lines = async (language: string) => {
    const res = await app.inject({ url: '/preview', headers: { 'accept-language': language } });
    assert.equal(res.statusCode, 200);
    return res.body.trim().split('\n').map((line) => JSON.parse(line) as unknown);
  };
  assert.deepEqual((await lines('zh-CN')).at(-1), { type: 'error', error: { code: 'FLINK_REJECTED', message: 'SQL Gateway 未在 120000 ms 内执行完该语句' } });
  assert.deepEqual((await lines('en-US')).at(-1), { type: 'error', error: { code: 'FLINK_REJECTED', message: 'The SQL Gateway did not finish the statement within 120000 ms' } });
  await app.close();
});
