import fs from 'node:fs';
import { hostname } from 'node:os';

/** The Weir process that holds an embedded database, as its owner file records it. */
export interface SqliteOwner {
  pid: number;
  host: string;
  startedAt: number;
}

export class SqliteInUseError extends Error {}

/**
 * One Weir per SQLite file. Two processes on one file would both watch every cluster and both
 * send every alert: leases between instances need a server database (docs/high-availability.md).
 * The owner file beside the database (`weir.db.owner`) names the process that holds it; a second
 * Weir is refused at start-up, naming the first. An owner file whose process is gone (a crash, a
 * kill -9, a container restarted under the same pid) is taken over. Returns the release, which
 * removes the file only while it is still this process's.
 */
export function claimSqliteFile(dbFile: string, now: number = Date.now()): () => void {
  const ownerFile = `${dbFile}.owner`;
  const me: SqliteOwner = { pid: process.pid, host: hostname(), startedAt: now };
  const text = JSON.stringify(me);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(ownerFile, text, { flag: 'wx', mode: 0o600 });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (fs.readFileSync(ownerFile, 'utf8') === text) fs.rmSync(ownerFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readOwner(ownerFile);
    if (owner && ownerAlive(owner)) {
      throw new SqliteInUseError(
        `Another Weir (pid ${owner.pid} on ${owner.host}, started ${new Date(owner.startedAt).toISOString()}) already uses ${dbFile}. ` +
          'The embedded database serves one instance; to run several, give them one PostgreSQL or MySQL/MariaDB database (WEIR_DATABASE_URL, see docs/high-availability.md). ' +
          `If that Weir is gone, delete ${ownerFile}.`,
      );
    }
    // Its process is gone: the file is stale.
    fs.rmSync(ownerFile, { force: true });
  }
  throw new SqliteInUseError(`Could not claim ${dbFile}: another Weir started on it at the same moment`);
}

function readOwner(ownerFile: string): SqliteOwner | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(ownerFile, 'utf8')) as Partial<SqliteOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.startedAt === 'number') return parsed as SqliteOwner;
  } catch {
    // Unreadable or half-written: treated as stale.
  }
  return undefined;
}

/**
 * Whether the recorded process still runs. A process on another host (a shared volume) cannot be
 * asked, so it counts as alive: the operator deletes the file if it is not. This process's own pid
 * is a previous life of it (a container restarted), not a second Weir.
 */
function ownerAlive(owner: SqliteOwner): boolean {
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
