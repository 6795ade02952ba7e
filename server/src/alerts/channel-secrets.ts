import { SECRET_MASK, type AlertChannelType } from '@weir/contract';
import { InputError } from '../errors/errors.js';
import { SecretBox } from '../secrets/secret-box.js';
import { assertSecretStaysAtItsDestinations } from '../secrets/secret-destination.js';

/**
 * The config fields of each channel type that are credentials. They are sealed with SecretBox in
 * the database and read back as SECRET_MASK. A robot's webhook address carries its access token
 * (DingTalk access_token, Feishu hook id, WeCom key): anyone holding it can post to the group, so
 * it is a secret too. The generic webhook's address is not (its secret is what signs).
 */
export const SECRET_FIELDS: Record<AlertChannelType, readonly string[]> = {
  webhook: ['secret'],
  dingtalk: ['url', 'secret'],
  feishu: ['url', 'secret'],
  wecom: ['url'],
  email: ['password'],
  slack: ['url'],
  teams: ['url'],
  // PagerDuty's endpoint is public; the routing key is what opens incidents on the team's service.
  pagerduty: ['routingKey'],
};

const REQUIRED_SECRETS = new Set(['url', 'routingKey']);

/** How an e-mail channel talks to its server: part of where its password goes. */
const SMTP_SCHEMES: Record<string, string> = { tls: 'smtps', starttls: 'smtp+starttls', none: 'smtp' };

const isKept = (value: unknown) => value === undefined || value === SECRET_MASK;

/** Where a channel's messages (and so its secrets) go, as a URL: the robot's or webhook's address, the SMTP server. */
function channelDestination(type: AlertChannelType, config: Record<string, unknown>, box: SecretBox): string {
  if (type === 'email') return `${SMTP_SCHEMES[String(config.security)] ?? 'smtp'}://${String(config.host)}:${String(config.port)}`;
  const url = String(config.url);
  return SecretBox.isSealed(url) ? box.open(url) : url;
}

/**
 * A secret the update keeps (left out or sent as the mask) must not follow a changed destination:
 * see assertSecretStaysAtItsDestinations. A robot's address is itself a secret; sending it anew
 * is what changes the destination, and then its signing secret must be sent again too.
 */
function assertKeptSecretsStay(type: AlertChannelType, input: Record<string, unknown>, previous: Record<string, unknown>, box: SecretBox): void {
  const before = channelDestination(type, previous, box);
  const after = channelDestination(type, { ...input, ...(isKept(input.url) && SECRET_FIELDS[type].includes('url') ? { url: previous.url } : {}) }, box);
  for (const field of SECRET_FIELDS[type]) {
    if (field === 'url' || !isKept(input[field]) || !previous[field]) continue;
    assertSecretStaysAtItsDestinations(`config.${field}`, [before], [after]);
  }
}

/**
 * The config to store: secret fields sealed. A secret field left out or given as the mask keeps
 * `previous`'s sealed value, unless the channel's destination changed (then it must be sent
 * again); null clears it; anything else is sealed anew.
 */
export function sealConfig(
  type: AlertChannelType,
  input: Record<string, unknown>,
  box: SecretBox,
  previous?: Record<string, unknown>,
): Record<string, unknown> {
  if (previous) assertKeptSecretsStay(type, input, previous, box);
  const stored: Record<string, unknown> = { ...input };
  for (const field of SECRET_FIELDS[type]) {
    const value = input[field];
    if (isKept(value)) {
      stored[field] = previous?.[field] ?? null;
    } else if (value === null || value === '') {
      stored[field] = null;
    } else {
      stored[field] = box.seal(String(value));
    }
    if (REQUIRED_SECRETS.has(field) && stored[field] === null) {
      throw new InputError(`config.${field} is required for a ${type} channel`);
    }
  }
  return stored;
}

/** The config with its secrets in clear, for sending. */
export function openConfig(type: AlertChannelType, stored: Record<string, unknown>, box: SecretBox): Record<string, unknown> {
  const clear: Record<string, unknown> = { ...stored };
  for (const field of SECRET_FIELDS[type]) {
    const value = stored[field];
    clear[field] = typeof value === 'string' && value !== '' ? box.open(value) : null;
  }
  return clear;
}

/** The config as the API shows it: each set secret replaced by the mask. */
export function maskConfig(type: AlertChannelType, stored: Record<string, unknown>): Record<string, unknown> {
  const masked: Record<string, unknown> = { ...stored };
  for (const field of SECRET_FIELDS[type]) masked[field] = stored[field] ? SECRET_MASK : null;
  return masked;
}
