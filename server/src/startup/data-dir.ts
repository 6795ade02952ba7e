import fs from 'node:fs';
import path from 'node:path';

/**
 * Creates Weir's data folder for its own user only (0700) and tightens what an older version left
 * readable: the folder holds the embedded database (password hashes, sealed secrets), the key that
 * opens those secrets and a generated first-admin password. Every plain file directly in it is made
 * 0600; the folders below (the local Flink cluster's, stored jars) are closed by the folder's own mode.
 */
export function prepareDataDir(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
  for (const entry of fs.readdirSync(dataDir, { withFileTypes: true })) {
    if (entry.isFile()) fs.chmodSync(path.join(dataDir, entry.name), 0o600);
  }
}
