import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { produceFiles, SPEC_FILE, TYPES_FILE } from './openapi-spec.js';

describe('the committed API contract', () => {
  it('matches the routes (run `npm run gen:api` after changing a route or schema)', async () => {
    const { spec, types } = await produceFiles();
    assert.equal(fs.readFileSync(SPEC_FILE, 'utf8'), spec, 'contract/openapi.json is out of date');
    assert.equal(fs.readFileSync(TYPES_FILE, 'utf8'), types, 'contract/src/generated/openapi.ts is out of date');
  });

  it('documents every API route with an operation id', async () => {
    const { spec } = await produceFiles();
    const paths = JSON.parse(spec).paths as Record<string, Record<string, { operationId?: string }>>;
    const ops = Object.entries(paths).flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => ({ route: `${m.toUpperCase()} ${p}`, op })));
    assert.ok(ops.length >= 10, `only ${ops.length} operations documented`);
    for (const { route, op } of ops) assert.ok(op.operationId, `${route} has no operationId`);
  });
});
