import type { ClusterAuthRequest } from '@weir/contract';
import type { SecretBox } from '../secrets/secret-box.js';

/** The Authorization header for a secured Flink REST endpoint. */
export function authorizationHeader(auth: ClusterAuthRequest): Record<string, string> {
  return auth.type === 'basic'
    ? { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}` }
    : { authorization: `Bearer ${auth.token}` };
}

/**
 * How a cluster's sealed credentials become request headers: the Flink clients are handed this
 * function, so the key stays with the secrets and flink/ knows nothing of how credentials are kept.
 */
export function sealedCredentialHeaders(secrets: SecretBox): (authSealed: string) => Record<string, string> {
  return (authSealed) => authorizationHeader(JSON.parse(secrets.open(authSealed)) as ClusterAuthRequest);
}
