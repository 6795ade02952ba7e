import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../app.js';
import { loadConfig, REPO_ROOT } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/index.js';
import { createServices } from '../services.js';

export const SPEC_FILE = path.join(REPO_ROOT, 'contract', 'openapi.json');
export const TYPES_FILE = path.join(REPO_ROOT, 'contract', 'src', 'generated', 'openapi.ts');

/** The OpenAPI description, produced from the routes' own zod schemas. */
export async function produceSpec(): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-openapi-'));
  const database = await openDatabase(`sqlite:${path.join(dir, 'spec.db')}`);
  try {
    await migrateToLatest(database);
    const services = createServices(database, loadConfig({ WEIR_DATA_DIR: dir }));
    const app = await buildApp({ services, logLevel: 'silent', sessionTtlMs: 60_000 });
    await app.ready();
    const spec = app.swagger() as unknown as Record<string, unknown>;
    await app.close();
    return spec;
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function produceFiles(): Promise<{ spec: string; types: string }> {
  const specObject = await produceSpec();
  const spec = `${JSON.stringify(specObject, null, 2)}\n`;
  const ast = await openapiTS(specObject as never);
  const header = '// GENERATED from contract/openapi.json by `npm run gen:api`. Do not edit by hand.\n\n';
  return { spec, types: header + astToString(ast) };
}
