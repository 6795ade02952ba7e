// A task's configuration and a jar task's content as they are stored (JSON in the draft and in
// each version), read back with Weir's defaults. Pure: the tasks service, submission and SQL
// authoring all read configurations through these.
import type { JarSpec, TaskConfig, TaskConfigInput, TaskExecutionMode } from '@weir/contract';
import { InputError } from '../errors/errors.js';
import type { TaskVersionRecord } from './task-versions.store.js';
import type { TaskRecord } from './tasks.store.js';

export const DEFAULT_TASK_CONFIG: TaskConfig = {
  parallelism: 1,
  checkpointIntervalMs: null,
  savepointStrategy: 'latest',
  savepointPath: null,
  flinkOptions: {},
  alertGroup: null,
};

/** What a published version runs with: the task configuration plus the execution mode. */
export interface VersionConfig extends TaskConfig {
  executionMode: TaskExecutionMode;
}

/** The configuration with the given changes; a null clears a nullable setting. */
export function mergeConfig(base: TaskConfig, input: TaskConfigInput | undefined): TaskConfig {
  const merged: TaskConfig = { ...base };
  if (!input) return merged;
  if (input.parallelism !== undefined) merged.parallelism = input.parallelism;
  if (input.checkpointIntervalMs !== undefined) merged.checkpointIntervalMs = input.checkpointIntervalMs;
  if (input.savepointStrategy !== undefined) merged.savepointStrategy = input.savepointStrategy;
  if (input.savepointPath !== undefined) merged.savepointPath = input.savepointPath;
  if (input.flinkOptions !== undefined) merged.flinkOptions = sortedRecord(input.flinkOptions);
  if (input.alertGroup !== undefined) merged.alertGroup = input.alertGroup || null;
  if (merged.savepointStrategy === 'path' && !merged.savepointPath) {
    throw new InputError('The savepoint strategy "path" needs a savepoint path');
  }
  return merged;
}

/** A stored task configuration, with Weir's defaults for what it does not say (or when it is unreadable). */
export function parseConfig(json: string): TaskConfig {
  let stored: Partial<TaskConfig> = {};
  try {
    stored = JSON.parse(json) as Partial<TaskConfig>;
  } catch {
    /* an unreadable draft config falls back to the defaults */
  }
  return {
    parallelism: stored.parallelism ?? DEFAULT_TASK_CONFIG.parallelism,
    checkpointIntervalMs: stored.checkpointIntervalMs ?? null,
    savepointStrategy: stored.savepointStrategy ?? DEFAULT_TASK_CONFIG.savepointStrategy,
    savepointPath: stored.savepointPath ?? null,
    flinkOptions: sortedRecord(stored.flinkOptions ?? {}),
    alertGroup: stored.alertGroup ?? null,
  };
}

/** What a published version runs with. */
export function parseVersionConfig(version: TaskVersionRecord): VersionConfig {
  const raw = JSON.parse(version.config) as Partial<VersionConfig>;
  return { ...parseConfig(version.config), executionMode: raw.executionMode ?? 'STREAMING' };
}

/** Whether a draft is what the version already holds (SQL or jar, configuration, mode), the order of options aside. */
export function sameAsVersion(draft: Pick<TaskRecord, 'draftContent' | 'draftConfig' | 'executionMode'>, version: TaskVersionRecord): boolean {
  const draftConfig = JSON.stringify({ ...parseConfig(draft.draftConfig), executionMode: draft.executionMode });
  return draft.draftContent === version.content && sameConfig(draftConfig, version.config);
}

/** A jar task's content: the stored jar, its entry class and arguments, as JSON. */
export function encodeJar(jar: JarSpec | undefined): string {
  if (!jar) return '';
  return JSON.stringify({ jarId: jar.jarId, entryClass: jar.entryClass || null, args: jar.args ?? [] });
}

/** A jar task's content read back; null when there is none or it cannot be read. */
export function decodeJar(content: string): JarSpec | null {
  if (!content.trim()) return null;
  try {
    const jar = JSON.parse(content) as JarSpec;
    return { jarId: jar.jarId, entryClass: jar.entryClass ?? null, args: jar.args ?? [] };
  } catch {
    return null;
  }
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** Whether two stored version configurations say the same, the order of options aside. */
export function sameConfig(a: string, b: string): boolean {
  const parse = (json: string) => {
    const raw = JSON.parse(json) as Partial<VersionConfig>;
    return JSON.stringify({ ...parseConfig(json), executionMode: raw.executionMode ?? 'STREAMING' });
  };
  return parse(a) === parse(b);
}
