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
