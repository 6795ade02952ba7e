import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const PREFIX = 'v1:';

/**
 * Encrypts secrets at rest (alert channel credentials, cluster credentials) with
 * AES-256-GCM. The stored form is `v1:<iv>:<tag>:<ciphertext>` in base64url, so
 * the database never holds the clear text and a tampered value fails to open.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static fromKey(material: string): SecretBox {
    const key = /^[0-9a-f]{64}$/i.test(material) ? Buffer.from(material, 'hex') : Buffer.from(material, 'base64');
    if (key.length !== 32) throw new Error('WEIR_SECRET_KEY must be 32 bytes, given as 64 hex digits or base64');
    return new SecretBox(key);
  }

  /** Uses the configured key, or one kept (mode 0600) in the data folder, created on first start. */
  static load(configuredKey: string | undefined, dataDir: string): SecretBox {
    if (configuredKey) return SecretBox.fromKey(configuredKey);
    const file = path.join(dataDir, 'secret.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    }
    return SecretBox.fromKey(fs.readFileSync(file, 'utf8').trim());
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join(':');
  }

  open(sealed: string): string {
    if (!sealed.startsWith(PREFIX)) throw new Error('not a sealed secret');
    const [iv, tag, data] = sealed.slice(PREFIX.length).split(':').map((s) => Buffer.from(s, 'base64url'));
    if (!iv || !tag || !data) throw new Error('malformed sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  }

  /**
   * A secret of its own for `purpose` and `subject` (HMAC-SHA256 under the key), e.g. a cluster's
   * push token: nothing to store, the same on every instance sharing the key, and no use for
   * finding the key or another subject's secret.
   */
  derive(purpose: string, subject: string): Buffer {
    return createHmac('sha256', this.key).update(`${purpose}\0${subject}`, 'utf8').digest();
  }

  static isSealed(value: string): boolean {
    return value.startsWith(PREFIX);
  }
}
