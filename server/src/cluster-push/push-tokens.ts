import { createHash, timingSafeEqual } from 'node:crypto';
import type { SecretBox } from '../secrets/secret-box.js';

const PURPOSE = 'weir-cluster-push-token';
const PREFIX = 'wpush_';

/**
 * Each cluster's push token: derived from Weir's secret key and the cluster's id, so it is never
 * stored, is the same on every instance, and one cluster's token opens no other cluster's push.
 * Changing WEIR_SECRET_KEY changes every token (the sealed credentials need the key anyway).
 */
export class PushTokens {
  constructor(private readonly secrets: SecretBox) {}

  tokenFor(clusterId: string): string {
    return PREFIX + this.secrets.derive(PURPOSE, clusterId).toString('base64url');
  }

  /** Compared in constant time over digests, so neither the content nor the length leaks. */
  verify(clusterId: string, presented: string): boolean {
    return timingSafeEqual(digest(presented), digest(this.tokenFor(clusterId)));
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
