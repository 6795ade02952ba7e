import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ensureFlinkYarnDistribution } from './flink-yarn-distribution.js';

test('a Flink version Maven Central has no flink-yarn for is refused with the versions that work, before any download', async () => {
  await assert.rejects(ensureFlinkYarnDistribution({ flinkVersion: '1.20.3', cacheDir: '/nonexistent/never-written' }), (err: unknown) =>
    err instanceof Error && /flink-yarn only for Flink 1\.20\.0 and 1\.20\.1, not 1\.20\.3/.test(err.message));
});
