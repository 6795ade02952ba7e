import type { SettingsStore } from '../settings/settings.store.js';
import type { SecretBox } from './secret-box.js';

const CHECK_SETTING = 'secret-key-check';
const CHECK_TEXT = 'weir-secret-key-check';

/** The key Weir was given cannot open what this database holds; Weir must not start with it. */
export class SecretKeyMismatchError extends Error {}

/**
 * Proves at start-up that the secret key opens this database's secrets. The first start seals a
 * known text with the key and stores it; every later start opens it. Without this check a changed
 * or lost WEIR_SECRET_KEY surfaced only as raw crypto errors deep in a send, while clusters whose
 * credentials could no longer be opened still showed HEALTHY from their last check.
 */
export async function verifySecretKey(settings: SettingsStore, box: SecretBox, storedSecret: () => Promise<string | undefined> = async () => undefined): Promise<void> {
  // A database from before this check has no check value yet, but may hold secrets: the key that
  // writes the check value must open one of them first.
  if ((await settings.get(CHECK_SETTING)) === undefined) {
    const existing = await storedSecret();
    if (existing !== undefined && opens(box, existing) === undefined) throw mismatch();
  }
  const sealed = await settings.getOrCreate(CHECK_SETTING, () => box.seal(CHECK_TEXT));
  if (opens(box, sealed) !== CHECK_TEXT) throw mismatch();
}

function opens(box: SecretBox, sealed: string): string | undefined {
  try {
    return box.open(sealed);
  } catch {
    return undefined;
  }
}

function mismatch(): SecretKeyMismatchError {
  return new SecretKeyMismatchError(
    'WEIR_SECRET_KEY does not open the secrets stored in this database (they were sealed with another key). ' +
      'Start Weir with the key it used before (WEIR_SECRET_KEY, or secret.key in the data folder when that variable was not set).',
  );
}
