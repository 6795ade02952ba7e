// Where a savepoint or checkpoint Flink reported lives, as Weir can see it: Flink names state by URI
// (`file:`, `hdfs:`, `s3:` …), and only a local one can be checked on this disk.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of a savepoint on this machine's disk (`file:` or a plain absolute path); undefined for remote storage. */
export function localDirectory(savepointPath: string): string | undefined {
  if (savepointPath.startsWith('/')) return savepointPath;
  if (!savepointPath.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(new URL(savepointPath.startsWith('file://') ? savepointPath : `file://${savepointPath.slice('file:'.length)}`));
  } catch {
    return undefined;
  }
}

/**
 * Whether a savepoint's folder is known to be gone: its path is on a local file system, the folder
 * that holds it is on this machine's disk, and the savepoint's own folder is not. When the parent is
 * not here either, the path is on a disk Weir cannot see (a JobManager on another host writing to its
 * own `file:` path), and nothing is known: then false, never a false "missing".
 */
export function knownMissing(savepointPath: string): boolean {
  const local = localDirectory(savepointPath);
  if (local === undefined) return false;
  return fs.existsSync(path.dirname(local)) && !fs.existsSync(local);
}

/**
 * The latest completed checkpoint Flink left of a job in a checkpoint folder on this machine's disk
 * (`<folder>/<job id>/chk-<n>`, completed once its `_metadata` is written), named as Flink names it
 * (`file:/…/chk-<n>`). null: none completed there; undefined: the folder is not on this machine's disk
 * (remote storage, or a `file:` path of another host), so nothing can be said.
 */
export function latestCheckpointOnDisk(checkpointDir: string, jobId: string): string | null | undefined {
  const local = localDirectory(checkpointDir);
  if (local === undefined || !fs.existsSync(local)) return undefined;
  const jobDir = path.join(local, jobId);
  let names: string[];
  try {
    names = fs.readdirSync(jobDir);
  } catch {
    return null;
  }
  const completed = names
    .map((name) => /^chk-(\d+)$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null && fs.existsSync(path.join(jobDir, m[0], '_metadata')))
    .map((m) => Number(m[1]))
    .sort((a, b) => b - a);
  return completed.length ? `file:${path.join(jobDir, `chk-${completed[0]}`)}` : null;
}
