import { createHash, timingSafeEqual } from 'node:crypto';
import type { SecretBox } from '../secrets/secret-box.js';

const PURPOSE = 'weir-cluster-push-token';
const PREFIX = 'wpush_';

/**
 * Each cluster's push token: derived from Weir's secret key, the cluster's id and its token
 * generation, so it is never stored, is the same on every instance, and one cluster's token opens
 * no other cluster's push. Changing WEIR_SECRET_KEY changes every token (the sealed credentials
 * need the key anyway); raising one cluster's generation (a rotation) changes that cluster's only.
 */
export class PushTokens {
  constructor(private readonly secrets: SecretBox) {}

  tokenFor(clusterId: string, generation: number): string {
    // Generation 0 is derived as tokens were before generations existed, so those stay valid.
    const subject = generation === 0 ? clusterId : `${clusterId}\0${generation}`;
    return PREFIX + this.secrets.derive(PURPOSE, subject).toString('base64url');
  }

  /** Compared in constant time over digests, so neither the content nor the length leaks. */
  verify(clusterId: string, generation: number, presented: string): boolean {
    return timingSafeEqual(digest(presented), digest(this.tokenFor(clusterId, generation)));
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
