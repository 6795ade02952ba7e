import type { TFunction } from 'i18next';

/** Actions Weir records today, offered as suggestions in the audit page's filter; the filter still takes any text. */
export const KNOWN_ACTIONS = [
  'auth.login',
  'auth.logout',
  'user.create',
  'user.update',
  'user.password',
  'token.create',
  'token.revoke',
  'team.create',
  'team.update',
  'team.delete',
  'team.member.set',
  'team.member.remove',
  'cluster.create',
  'cluster.update',
  'cluster.delete',
  'cluster.push-token.read',
  'cluster.push-token.rotate',
  'alert.channel.create',
  'alert.channel.update',
  'alert.channel.delete',
];

/**
 * Actions whose code does not say enough to a reader of the log, with what they mean in the
 * reader's language: reading a push token and rotating one look alike as codes, but one hands out
 * a credential and the other ends it.
 */
const DESCRIBED = {
  'cluster.push-token.read': 'clusterPushTokenRead',
  'cluster.push-token.rotate': 'clusterPushTokenRotate',
} as const;

/** What the action means, in the reader's language; null for an action whose code says it. */
export function auditActionText(t: TFunction, action: string): string | null {
  const key = (DESCRIBED as Record<string, (typeof DESCRIBED)[keyof typeof DESCRIBED] | undefined>)[action];
  return key ? t(`admin.audit.actions.${key}`) : null;
}
