// The REST and SQL Gateway answers flink-local/src/record-fixtures.ts recorded from real clusters,
// one folder per Flink version (flink-local/fixtures/<version>/), so client tests run on each.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config/config.js';

export interface RecordedAnswer {
  description?: string;
  request: { method: string; url: string; body?: unknown };
  status: number;
  body: unknown;
  /** The exact bytes, when JSON.parse would change them (Long.MAX_VALUE, `4.0`). */
  rawBody?: string;
}

const FIXTURES_DIR = path.join(REPO_ROOT, 'flink-local/fixtures');

/** Every Flink version with a recording, oldest first. */
export const RECORDED_FLINK_VERSIONS: readonly string[] = fs
  .readdirSync(FIXTURES_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory() && /^\d+\.\d+\.\d+$/.test(e.name))
  .map((e) => e.name)
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

/** The recorded answers of one version and kind, by file name without `.json`. */
export function recordedAnswers(version: string, kind: 'rest' | 'gateway'): Map<string, RecordedAnswer> {
  const dir = path.join(FIXTURES_DIR, version, kind);
  return new Map(
    fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as RecordedAnswer]),
  );
}

export function recordedAnswer(version: string, kind: 'rest' | 'gateway', name: string): RecordedAnswer {
  const answer = recordedAnswers(version, kind).get(name);
  if (!answer) throw new Error(`No recorded ${kind} answer ${name} for Flink ${version}`);
  return answer;
}
