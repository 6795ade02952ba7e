import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FLINK_VERSION } from '@weir/flink-local';

/** One answer recorded from a real Flink (the default 1.20.x) by flink-local/src/record-fixtures.ts. */
export interface RestFixture {
  description: string;
  request: { method: string; url: string };
  status: number;
  body: unknown;
  rawBody?: string;
}

export const REST_FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../flink-local/fixtures', DEFAULT_FLINK_VERSION, 'rest');

const cache = new Map<string, RestFixture>();

/** The recorded answer named like its file (`job-running`); throws when it was never recorded. */
export function restFixture(name: string): RestFixture {
  let fixture = cache.get(name);
  if (!fixture) {
    const file = path.join(REST_FIXTURES_DIR, `${name}.json`);
    if (!fs.existsSync(file)) throw new Error(`No recorded Flink answer ${name} in ${REST_FIXTURES_DIR}`);
    fixture = JSON.parse(fs.readFileSync(file, 'utf8')) as RestFixture;
    cache.set(name, fixture);
  }
  return fixture;
}

/** A deep copy of a recorded body, to substitute ids, times and states into. */
export function recordedBody<T = Record<string, unknown>>(name: string): T {
  return structuredClone(restFixture(name).body) as T;
}

/** The job id a recorded request was made for. */
export function recordedJobId(name: string): string {
  const jid = /\/jobs\/([0-9a-f]{32})/.exec(restFixture(name).request.url)?.[1];
  if (!jid) throw new Error(`fixture ${name} was not recorded for a job`);
  return jid;
}
