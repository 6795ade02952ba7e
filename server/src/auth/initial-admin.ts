import fs from 'node:fs';
import path from 'node:path';
import { INITIAL_ADMIN_USERNAME, type AuthService } from './auth.service.js';

/** Where a generated first-admin password is kept (mode 0600) until that admin changes it. */
export function initialPasswordFile(dataDir: string): string {
  return path.join(dataDir, 'initial-admin-password');
}

/**
 * Creates the first admin when there are no users: with the configured password, or a generated
 * one that is written to the data folder (0600) so it can be read once. Returns the generated password.
 */
export async function createInitialAdmin(auth: AuthService, dataDir: string, configuredPassword?: string): Promise<{ created: boolean; generatedPassword?: string }> {
  const result = await auth.ensureInitialAdmin(configuredPassword);
  if (result.generatedPassword) fs.writeFileSync(initialPasswordFile(dataDir), `${result.generatedPassword}\n`, { mode: 0o600 });
  return result;
}

/** Deletes the kept first-admin password once the first admin changed it: it is no longer true. */
export function forgetInitialPassword(dataDir: string, username: string): void {
  if (username === INITIAL_ADMIN_USERNAME) fs.rmSync(initialPasswordFile(dataDir), { force: true });
}
