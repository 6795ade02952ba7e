import { PAGERDUTY_EVENTS_URL, SECRET_MASK, type AlertChannel, type AlertChannelRequest, type AlertChannelType } from '@weir/contract';

// The channel drawer's form values and the request they make. Secrets come back from the API as
// SECRET_MASK; the form shows the marker in a password input. Left as the marker, the request
// omits the field (the server keeps the stored secret); emptied, it sends null (clears it).

export const CHANNEL_TYPES: readonly AlertChannelType[] = ['webhook', 'dingtalk', 'feishu', 'wecom', 'email', 'slack', 'teams', 'pagerduty'];

export interface ChannelFormValues {
  type: AlertChannelType;
  name: string;
  /** The owning team (null: shared by every team's rules); left out, the server picks the user's default team. */
  teamId?: string | null;
  enabled: boolean;
  url: string;
  secret: string;
  /** DingTalk: mobiles to @, one per line or comma separated. */
  atMobiles: string;
  atAll: boolean;
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  username: string;
  password: string;
  from: string;
  /** E-mail recipients, one per line or comma separated. */
  to: string;
  verifyCertificate: boolean;
  caCertificate: string;
  /** Generic webhook: Weir's JSON or Alertmanager's. */
  format: 'weir' | 'alertmanager';
  /** PagerDuty: the integration's routing key (a secret). */
  routingKey: string;
  severity: 'critical' | 'error' | 'warning' | 'info';
}

export const DEFAULT_CHANNEL_VALUES: ChannelFormValues = {
  type: 'webhook',
  name: '',
  enabled: true,
  url: '',
  secret: '',
  atMobiles: '',
  atAll: false,
  host: '',
  port: 587,
  security: 'starttls',
  username: '',
  password: '',
  from: '',
  to: '',
  verifyCertificate: true,
  caCertificate: '',
  format: 'weir',
  routingKey: '',
  severity: 'critical',
};

/** Which fields hold a secret, per type (the robots' addresses carry their access token). */
export const SECRET_FIELDS: Record<AlertChannelType, ReadonlyArray<'url' | 'secret' | 'password' | 'routingKey'>> = {
  webhook: ['secret'],
  dingtalk: ['url', 'secret'],
  feishu: ['url', 'secret'],
  wecom: ['url'],
  email: ['password'],
  slack: ['url'],
  teams: ['url'],
  pagerduty: ['routingKey'],
};

export function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function channelToFormValues(channel: AlertChannel): ChannelFormValues {
  const base = { ...DEFAULT_CHANNEL_VALUES, type: channel.type, name: channel.name, teamId: channel.teamId, enabled: channel.enabled };
  switch (channel.type) {
    case 'webhook':
      return { ...base, url: channel.config.url, secret: channel.config.secret ?? '', format: channel.config.format ?? 'weir' };
    case 'feishu':
      return { ...base, url: channel.config.url, secret: channel.config.secret ?? '' };
    case 'slack':
    case 'teams':
      return { ...base, url: channel.config.url };
    case 'pagerduty':
      return { ...base, url: channel.config.url, routingKey: channel.config.routingKey ?? '', severity: channel.config.severity };
    case 'dingtalk':
      return { ...base, url: channel.config.url, secret: channel.config.secret ?? '', atMobiles: channel.config.atMobiles.join('\n'), atAll: channel.config.atAll };
    case 'wecom':
      return { ...base, url: channel.config.url };
    case 'email': {
      const c = channel.config;
      return {
        ...base,
        host: c.host,
        port: c.port,
        security: c.security,
        username: c.username ?? '',
        password: c.password ?? '',
        from: c.from,
        to: c.to.join('\n'),
        verifyCertificate: c.verifyCertificate,
        caCertificate: c.caCertificate ?? '',
      };
    }
  }
}

/** A secret as the request carries it: the marker keeps (field left out), empty clears (null). */
function secretValue(value: string): string | null | undefined {
  if (value === SECRET_MASK) return undefined;
  return value.trim() === '' ? null : value;
}

function withSecret<T extends object>(config: T, key: string, value: string): T {
  const v = secretValue(value);
  return v === undefined ? config : { ...config, [key]: v };
}

/** The request body for these values. A robot's address given as the marker keeps the stored one. */
export function formValuesToChannelRequest(v: ChannelFormValues): AlertChannelRequest {
  // The team goes as it is (a channel's team cannot change; the server refuses another).
  const common = { name: v.name.trim(), ...(v.teamId !== undefined ? { teamId: v.teamId } : {}), enabled: v.enabled };
  // A robot's address is required: the marker keeps it, so it is sent as is.
  const url = v.url.trim();
  switch (v.type) {
    case 'webhook':
      return { ...common, type: 'webhook', config: withSecret({ url, format: v.format }, 'secret', v.secret) };
    case 'slack':
      return { ...common, type: 'slack', config: { url } };
    case 'teams':
      return { ...common, type: 'teams', config: { url } };
    case 'pagerduty':
      return { ...common, type: 'pagerduty', config: withSecret({ url: url || PAGERDUTY_EVENTS_URL, severity: v.severity }, 'routingKey', v.routingKey) };
    case 'dingtalk':
      return { ...common, type: 'dingtalk', config: withSecret({ url, atMobiles: splitList(v.atMobiles), atAll: v.atAll }, 'secret', v.secret) };
    case 'feishu':
      return { ...common, type: 'feishu', config: withSecret({ url }, 'secret', v.secret) };
    case 'wecom':
      return { ...common, type: 'wecom', config: { url } };
    case 'email':
      return {
        ...common,
        type: 'email',
        config: withSecret(
          {
            host: v.host.trim(),
            port: v.port,
            security: v.security,
            username: v.username.trim() || null,
            from: v.from.trim(),
            to: splitList(v.to),
            verifyCertificate: v.verifyCertificate,
            caCertificate: v.caCertificate.trim() || null,
          },
          'password',
          v.password,
        ),
      };
  }
}

/** The form field a contract validation issue belongs to (`config.to.1` → `to`), for showing it under that field. */
export function issueField(path: ReadonlyArray<PropertyKey>): keyof ChannelFormValues | undefined {
  const [head, second] = path;
  if (head === 'name' || head === 'enabled' || head === 'type') return head;
  if (head === 'config' && typeof second === 'string' && second in DEFAULT_CHANNEL_VALUES) return second as keyof ChannelFormValues;
  return undefined;
}
