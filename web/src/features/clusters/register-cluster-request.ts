import type { CreateClusterRequest, YarnTarget } from '@weir/contract';
import { SHARED_CLUSTER } from '../teams/team-choices';

/** What the register form holds; credentials only for the kind chosen. */
export interface RegisterClusterForm {
  /** Absent: a session cluster. */
  kind?: 'session' | 'yarn';
  name: string;
  /** A session cluster's JobManager REST; a YARN target's ResourceManager REST. */
  restUrl: string;
  gatewayUrl?: string;
  historyUrl?: string;
  description?: string;
  /** The owning team, SHARED_CLUSTER for every team, or absent (the form shows no choice): the server's default team. */
  teamId?: string;
  authType?: 'none' | 'basic' | 'bearer';
  username?: string;
  password?: string;
  token?: string;
  /** A YARN target's settings. */
  hadoopConfDir?: string;
  queue?: string;
  flinkVersion?: YarnTarget['flinkVersion'];
}

/**
 * The request the form sends. Optional fields left blank are omitted, not sent as empty strings
 * the server would reject as URLs; credentials go only for the kind chosen, and are sent as typed
 * (a password may begin or end with a space).
 */
export function toRegisterRequest(values: RegisterClusterForm): CreateClusterRequest {
  const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  const team = values.teamId === undefined ? {} : { teamId: values.teamId === SHARED_CLUSTER ? null : values.teamId };
  if (values.kind === 'yarn') {
    // A YARN target has no gateway, HistoryServer or credentials: what the form kept of them is not sent.
    return {
      kind: 'yarn',
      name: values.name.trim(),
      restUrl: values.restUrl.trim(),
      yarn: { hadoopConfDir: (values.hadoopConfDir ?? '').trim(), queue: (values.queue ?? '').trim(), flinkVersion: values.flinkVersion ?? '1.20.1' },
      description: optional(values.description),
      ...team,
    };
  }
  const auth: CreateClusterRequest['auth'] =
    values.authType === 'basic'
      ? { type: 'basic', username: (values.username ?? '').trim(), password: values.password ?? '' }
      : values.authType === 'bearer'
        ? { type: 'bearer', token: (values.token ?? '').trim() }
        : undefined;
  return {
    name: values.name.trim(),
    restUrl: values.restUrl.trim(),
    gatewayUrl: optional(values.gatewayUrl),
    historyUrl: optional(values.historyUrl),
    description: optional(values.description),
    ...team,
    ...(auth ? { auth } : {}),
  };
}
