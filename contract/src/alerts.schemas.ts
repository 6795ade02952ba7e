import { z } from 'zod';
import { RunStatus } from './status.schemas.js';
import { EpochMs, pageOf } from './common.schemas.js';
import { StatusNote } from './runs.schemas.js';

/**
 * What a stored secret (a signing secret, a robot's webhook address, an SMTP password) looks like
 * when read back: never the clear text. Sending this marker (or leaving the field out) on update
 * keeps the stored secret; `null` clears it; any other text replaces it.
 */
export const SECRET_MASK = '••••';

/** A secret field: on read the mask or null; on write a new value, the mask / omitted (keep), or null (clear). */
const SecretField = z.string().max(2048).nullable().optional();

const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((u) => u === SECRET_MASK || /^https?:\/\/[^\s]+$/i.test(u), 'must be an http(s) URL');

const mobile = z.string().trim().min(3).max(32);
const email = z.string().trim().max(254).regex(/^[^\s@<>]+@[^\s@<>]+$/, 'must be an e-mail address');

export const AlertChannelType = z.enum(['webhook', 'dingtalk', 'feishu', 'wecom', 'email', 'slack', 'teams', 'pagerduty']);
export type AlertChannelType = z.infer<typeof AlertChannelType>;

/** Generic webhook: POST JSON; with a secret, `X-Weir-Signature: sha256=<hex HMAC-SHA256 of the body>`. */
export const WebhookChannelConfig = z.object({
  url: httpUrl,
  secret: SecretField,
  /** `weir` (the default): Weir's own JSON; `alertmanager`: the body Prometheus Alertmanager sends its webhook receivers (version 4). */
  format: z.enum(['weir', 'alertmanager']).optional(),
});
/** DingTalk custom robot. `url` carries the access token, so it is kept as a secret. */
export const DingTalkChannelConfig = z.object({
  url: httpUrl,
  /** The robot's "加签" secret (SEC…); signs every request when set. */
  secret: SecretField,
  atMobiles: z.array(mobile).max(50).default([]),
  atAll: z.boolean().default(false),
});
/** Feishu / Lark custom bot. `url` carries the hook id, so it is kept as a secret. */
export const FeishuChannelConfig = z.object({
  url: httpUrl,
  /** The bot's signature-verification secret; signs every request when set. */
  secret: SecretField,
});
/** WeCom (WeChat Work) group robot. `url` carries the key, so it is kept as a secret. */
export const WeComChannelConfig = z.object({
  url: httpUrl,
});
/** Slack incoming webhook (Block Kit). `url` carries the token, so it is kept as a secret. */
export const SlackChannelConfig = z.object({
  url: httpUrl,
});
/** Microsoft Teams workflow webhook ("When a Teams webhook request is received"), an Adaptive Card. `url` carries its signature, so it is a secret. */
export const TeamsChannelConfig = z.object({
  url: httpUrl,
});
/** The Events API v2 endpoint PagerDuty documents (EU accounts use events.eu.pagerduty.com). */
export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';
/** PagerDuty Events API v2: an incident per Weir incident (dedup key), resolved when Weir's resolves. */
export const PagerDutyChannelConfig = z.object({
  url: httpUrl.default(PAGERDUTY_EVENTS_URL),
  /** The integration's routing key (32 characters). */
  routingKey: SecretField,
  severity: z.enum(['critical', 'error', 'warning', 'info']).default('critical'),
});
/** E-mail over SMTP. */
export const EmailChannelConfig = z.object({
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  /** `tls`: TLS from the first byte (465); `starttls`: plain then STARTTLS, required (587); `none`: never TLS. */
  security: z.enum(['tls', 'starttls', 'none']),
  username: z.string().max(255).nullable().optional(),
  password: SecretField,
  from: email,
  to: z.array(email).min(1).max(100),
  /** Check the server's certificate (default). Turn off only for a test server. */
  verifyCertificate: z.boolean().default(true),
  /** PEM of a private CA that signed the server's certificate. */
  caCertificate: z.string().max(20_000).nullable().optional(),
});

const channelName = z.string().trim().min(1).max(100);

/**
 * The team a new alert setting belongs to. Absent: the default team when the caller may act there,
 * else the caller's only team where they may; null: Weir-wide (shared by every team), which only a
 * global role may make. A setting's team never changes.
 */
const requestedTeam = z.string().min(1).max(64).nullable().optional();

/** The same fields for each channel type, next to its type-specific `config`. */
function channelUnion<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('webhook'), config: WebhookChannelConfig, ...shape }),
    z.object({ type: z.literal('dingtalk'), config: DingTalkChannelConfig, ...shape }),
    z.object({ type: z.literal('feishu'), config: FeishuChannelConfig, ...shape }),
    z.object({ type: z.literal('wecom'), config: WeComChannelConfig, ...shape }),
    z.object({ type: z.literal('email'), config: EmailChannelConfig, ...shape }),
    z.object({ type: z.literal('slack'), config: SlackChannelConfig, ...shape }),
    z.object({ type: z.literal('teams'), config: TeamsChannelConfig, ...shape }),
    z.object({ type: z.literal('pagerduty'), config: PagerDutyChannelConfig, ...shape }),
  ]);
}

/**
 * Create, or replace (PUT); a channel's type and team cannot change. A shared channel (teamId null)
 * may be used by every team's rules and is managed by global admins; a team's, by its admins.
 */
export const AlertChannelRequest = channelUnion({ name: channelName, enabled: z.boolean().default(true), teamId: requestedTeam }).meta({
  id: 'AlertChannelRequest',
});
export type AlertChannelRequest = z.infer<typeof AlertChannelRequest>;

export const AlertChannel = channelUnion({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  /** The owning team; null: shared, usable by every team's rules. */
  teamId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
}).meta({ id: 'AlertChannel' });
export type AlertChannel = z.infer<typeof AlertChannel>;
export type AlertChannelConfig = AlertChannel['config'];

export const AlertChannelList = z.object({ items: z.array(AlertChannel) });

/** A chat service's own refusal: which service (the channel's type) and its raw code. */
const ServiceRefusalParams = z.object({ service: z.string(), serviceCode: z.string() });

/**
 * Why a notice could not be delivered, as a code with its values, so the web app says it in the
 * reader's language; the sender's own error text is kept beside it for whoever needs the detail.
 * `other` carries that text as its value: a failure Weir has no words of its own for.
 */
export const DeliveryFailure = z
  .discriminatedUnion('code', [
    /** Nothing listens at the receiver's address (`address` is host:port when known, else empty). */
    z.object({ code: z.literal('connectionRefused'), params: z.object({ address: z.string() }) }),
    /** The receiver did not answer within `ms` milliseconds. */
    z.object({ code: z.literal('timedOut'), params: z.object({ ms: z.number().int() }) }),
    /** The receiver's host name has no address (`host` empty when unknown). */
    z.object({ code: z.literal('nameNotResolved'), params: z.object({ host: z.string() }) }),
    /** The secure connection failed: `detail` is the TLS library's code (CERT_HAS_EXPIRED …). */
    z.object({ code: z.literal('tlsFailed'), params: z.object({ detail: z.string() }) }),
    /** The receiver answered with an HTTP status that is not a success. */
    z.object({ code: z.literal('httpStatus'), params: z.object({ status: z.number().int() }) }),
    /** Weir's outbound rule (WEIR_OUTBOUND_DENY / WEIR_OUTBOUND_ALLOW) forbids the address. */
    z.object({ code: z.literal('outboundDenied'), params: z.object({ host: z.string() }) }),
    // A chat service refused the notice with a code of its own (`serviceCode`, e.g. Slack's
    // channel_not_found, DingTalk's errcode 130101), one it documents: `service` is the channel's type.
    /** The service does not accept the webhook's token or key. */
    z.object({ code: z.literal('tokenInvalid'), params: ServiceRefusalParams }),
    /** The webhook was removed or turned off on the service's side. */
    z.object({ code: z.literal('webhookGone'), params: ServiceRefusalParams }),
    /** The channel the webhook posts to does not exist (any more). */
    z.object({ code: z.literal('channelNotFound'), params: ServiceRefusalParams }),
    /** The channel the webhook posts to is archived. */
    z.object({ code: z.literal('channelArchived'), params: ServiceRefusalParams }),
    /** The bot's signature check failed (wrong secret, or a clock too far off). */
    z.object({ code: z.literal('signatureRejected'), params: ServiceRefusalParams }),
    /** The bot requires a keyword the message does not contain. */
    z.object({ code: z.literal('keywordMissing'), params: ServiceRefusalParams }),
    /** The bot accepts only some IP addresses, and not Weir's. */
    z.object({ code: z.literal('ipNotAllowed'), params: ServiceRefusalParams }),
    /** The service limits how often the bot may post, and the limit was reached. */
    z.object({ code: z.literal('rateLimited'), params: ServiceRefusalParams }),
    /** The service did not accept the message's form. */
    z.object({ code: z.literal('messageRejected'), params: ServiceRefusalParams }),
    z.object({ code: z.literal('other'), params: z.object({ message: z.string() }) }),
  ])
  .meta({ id: 'DeliveryFailure' });
export type DeliveryFailure = z.infer<typeof DeliveryFailure>;
export type DeliveryFailureCode = DeliveryFailure['code'];

/**
 * Why a notice was not sent at all, as a code with its values, so the web app says it in the
 * reader's language: canceled because its channel or rule went away or was turned off, or held back
 * because a silence covers its task or rule. The English `error` beside it says the same.
 */
export const DeliverySkip = z
  .discriminatedUnion('code', [
    /** The channel was deleted before the notice went out. */
    z.object({ code: z.literal('channelDeleted'), params: z.object({}) }),
    /** The channel was turned off before the notice went out. */
    z.object({ code: z.literal('channelDisabled'), params: z.object({}) }),
    /** The channel's row no longer exists at all. */
    z.object({ code: z.literal('channelRemoved'), params: z.object({}) }),
    z.object({ code: z.literal('ruleDeleted'), params: z.object({}) }),
    z.object({ code: z.literal('ruleDisabled'), params: z.object({}) }),
    /** The rule's condition changed, which closes its incidents and their unsent notices. */
    z.object({ code: z.literal('ruleChanged'), params: z.object({}) }),
    /** A silence covered it: the silence's reason (the words its author wrote) and when it ends. */
    z.object({ code: z.literal('silenced'), params: z.object({ reason: z.string(), untilAt: EpochMs }) }),
  ])
  .meta({ id: 'DeliverySkip' });
export type DeliverySkip = z.infer<typeof DeliverySkip>;

export const AlertTestResult = z
  .object({
    ok: z.boolean(),
    /** The delivery row recorded in the alert history. */
    deliveryId: z.string(),
    /** The sender's own error text (English or the library's), for the detail. */
    error: z.string().nullable(),
    /** Why it failed, as a code (null when it did not). */
    errorCode: DeliveryFailure.nullable(),
    /** What the receiver answered (status and a short body), when it answered. */
    response: z.string().nullable(),
    durationMs: z.number().int(),
  })
  .meta({ id: 'AlertTestResult' });
export type AlertTestResult = z.infer<typeof AlertTestResult>;

/** Every status a run can have (Flink's own plus Weir's RECONNECTING and UNKNOWN). */
export const AlertRunStatus = RunStatus;

export const AlertTaskLifecycle = z.enum(['DEVELOP', 'PUBLISHED', 'ONLINE', 'OFFLINE']);

const duration = (min: number) => z.number().int().min(min).max(30 * 24 * 3600 * 1000);

export const AlertCondition = z
  .discriminatedUnion('kind', [
    /** The run's status becomes one of these. */
    z.object({ kind: z.literal('status'), statuses: z.array(AlertRunStatus).min(1) }),
    /** More than `count` restarts within `windowMs`. */
    z.object({ kind: z.literal('restarts'), count: z.number().int().min(0).max(10_000), windowMs: duration(1000) }),
    /** A checkpoint failed (savepoints excluded); clears when one completes. */
    z.object({ kind: z.literal('checkpoint-failed') }),
    /** No checkpoint completed for `forMs` while the run is RUNNING. */
    z.object({ kind: z.literal('no-checkpoint'), forMs: duration(1000) }),
    /** An exception the run has not raised before. */
    z.object({ kind: z.literal('exception') }),
    /** A metric stays above/below a threshold for `forMs`. */
    z.object({
      kind: z.literal('metric'),
      metric: z.string().trim().min(1).max(200),
      vertexId: z.string().max(64).nullable().default(null),
      op: z.enum(['above', 'below']),
      threshold: z.number(),
      forMs: duration(0),
    }),
    /** A whole cluster is unreachable: one incident listing its jobs, instead of one per job. */
    z.object({ kind: z.literal('cluster-unreachable') }),
    /** A job health check fails (restarts over threshold, no checkpoint in time, backpressure high); clears when it passes. */
    z.object({ kind: z.literal('health-check'), check: z.enum(['restarts', 'checkpoint', 'backpressure']) }),
    /** Automatic restarts of a task ran out (or could not be submitted): Weir stopped restarting it. */
    z.object({ kind: z.literal('auto-restart-exhausted') }),
    /** A savepoint Weir had taken (by hand or on the task's schedule) failed; one per rule and task, resolved by the next that completes. */
    z.object({ kind: z.literal('savepoint-failed') }),
  ])
  .meta({ id: 'AlertCondition' });
export type AlertCondition = z.infer<typeof AlertCondition>;
export type AlertConditionKind = AlertCondition['kind'];

export const AlertScope = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('tasks'), taskIds: z.array(z.string().min(1).max(64)).min(1).max(1000) }),
    z.object({ kind: z.literal('lifecycles'), lifecycles: z.array(AlertTaskLifecycle).min(1) }),
  ])
  .meta({ id: 'AlertScope' });
export type AlertScope = z.infer<typeof AlertScope>;

export const AlertRule = z
  .object({
    id: z.string(),
    name: z.string(),
    enabled: z.boolean(),
    condition: AlertCondition,
    scope: AlertScope,
    channelIds: z.array(z.string()),
    /**
     * The owning team: the rule matches that team's tasks (and its clusters and the shared ones) and
     * uses that team's channels or shared ones. Null: Weir-wide, kept by global admins, matching
     * every team's tasks and clusters, using shared channels only.
     */
    teamId: z.string().nullable(),
    /** Repeat the alert this often while the incident stays open; null: once. */
    renotifyIntervalMs: z.number().int().nullable(),
    createdBy: z.string(),
    createdAt: EpochMs,
    updatedAt: EpochMs,
  })
  .meta({ id: 'AlertRule' });
export type AlertRule = z.infer<typeof AlertRule>;

export const CreateAlertRuleRequest = z.object({
  name: z.string().trim().min(1).max(100),
  teamId: requestedTeam,
  enabled: z.boolean().default(true),
  condition: AlertCondition,
  scope: AlertScope.default({ kind: 'all' }),
  channelIds: z.array(z.string().min(1).max(64)).max(50).default([]),
  renotifyIntervalMs: z.number().int().min(60_000).max(30 * 24 * 3600 * 1000).nullable().default(null),
});
export type CreateAlertRuleRequest = z.infer<typeof CreateAlertRuleRequest>;

export const UpdateAlertRuleRequest = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  enabled: z.boolean().optional(),
  condition: AlertCondition.optional(),
  scope: AlertScope.optional(),
  channelIds: z.array(z.string().min(1).max(64)).max(50).optional(),
  renotifyIntervalMs: z.number().int().min(60_000).max(30 * 24 * 3600 * 1000).nullable().optional(),
});
export type UpdateAlertRuleRequest = z.infer<typeof UpdateAlertRuleRequest>;

export const AlertRuleList = z.object({ items: z.array(AlertRule) });

/** Holds back alerts of its team matching its rule and/or task (both empty: everything of the team) until `endsAt`. */
export const AlertSilence = z
  .object({
    id: z.string(),
    ruleId: z.string().nullable(),
    taskId: z.string().nullable(),
    /** Its task's team, else its rule's, else the one chosen; null: Weir-wide (every team's alerts). */
    teamId: z.string().nullable(),
    startsAt: EpochMs,
    endsAt: EpochMs,
    reason: z.string(),
    createdBy: z.string(),
    createdAt: EpochMs,
    active: z.boolean(),
  })
  .meta({ id: 'AlertSilence' });
export type AlertSilence = z.infer<typeof AlertSilence>;

export const CreateAlertSilenceRequest = z.object({
  ruleId: z.string().min(1).max(64).nullable().default(null),
  taskId: z.string().min(1).max(64).nullable().default(null),
  /** Only when neither rule nor task is given (they decide the team otherwise; a different one is refused). */
  teamId: requestedTeam,
  endsAt: EpochMs,
  reason: z.string().trim().min(1).max(500),
});
export type CreateAlertSilenceRequest = z.infer<typeof CreateAlertSilenceRequest>;

export const AlertSilenceList = z.object({ items: z.array(AlertSilence) });
export const AlertSilenceQuery = z.object({
  includeEnded: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/** What an incident is about, as a code the web app says in the reader's language. */
export const IncidentSummaryCode = z.enum([
  'statusBecame',
  'restartsWithin',
  'exceptionRaised',
  'checkpointFailed',
  'clusterUnreachable',
  'healthCheckFailed',
  'savepointFailed',
  'autoRestartStopped',
  'failedAutoRestartStopped',
  'noCheckpoint',
  'noCheckpointNoneSeen',
  'metricAbove',
  'metricBelow',
]);
export type IncidentSummaryCode = z.infer<typeof IncidentSummaryCode>;

/**
 * An incident's summary as a code with its values: `…Ms` values are durations, the rest shown as
 * they are; a value a sentence can do without (a status's note, a cluster's error) is left out
 * when there is none. Text quoted from elsewhere (an exception's name, Flink's failure reason, a
 * health check's detail) stays in the language it came in. `note`: the code of a status's own note
 * (a status Weir gave), said as the run's status history says it.
 */
export const IncidentSummary = z
  .object({
    code: IncidentSummaryCode,
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    note: StatusNote.optional(),
  })
  .meta({ id: 'IncidentSummary' });
export type IncidentSummary = z.infer<typeof IncidentSummary>;

export const AlertIncidentState = z.enum(['FIRING', 'RESOLVED']);

export const AlertIncident = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    ruleName: z.string(),
    conditionKind: z.string(),
    taskId: z.string().nullable(),
    taskName: z.string().nullable(),
    runId: z.string().nullable(),
    clusterId: z.string().nullable(),
    clusterName: z.string().nullable(),
    /** The team it is about: its task's; for a cluster incident the cluster's, or the rule's when the cluster is shared. */
    teamId: z.string().nullable(),
    state: AlertIncidentState,
    /** The summary in English, as the channels sent it; for incidents opened before summaries had codes, the only form. */
    summary: z.string(),
    /** The summary as a code (absent on older incidents: show `summary`). */
    summaryCode: IncidentSummary.optional(),
    openedAt: EpochMs,
    resolvedAt: EpochMs.nullable(),
    /** Why it was resolved: `recovered`, `cleared`, `run-ended`, `rule-deleted`, `rule-disabled`, `rule-changed`. */
    resolveReason: z.string().nullable(),
    lastNotifiedAt: EpochMs.nullable(),
  })
  .meta({ id: 'AlertIncident' });
export type AlertIncident = z.infer<typeof AlertIncident>;

const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const AlertIncidentQuery = z.object({
  state: AlertIncidentState.optional(),
  taskId: z.string().max(64).optional(),
  runId: z.string().max(64).optional(),
  ruleId: z.string().max(64).optional(),
  ...pageQuery,
});
export type AlertIncidentQuery = z.infer<typeof AlertIncidentQuery>;

export const AlertIncidentPage = pageOf(AlertIncident);

export const AlertDeliveryKind = z.enum(['FIRING', 'RESOLVED', 'RENOTIFY', 'TEST']);
/**
 * PENDING: queued or waiting for its retry time; SENDING: claimed by an instance; SENT; FAILED: this
 * attempt failed and a later attempt is queued; GAVE_UP: the last attempt failed; SUPPRESSED: held back
 * by a silence; CANCELED: its rule or channel was deleted or disabled before it was sent.
 */
export const AlertDeliveryStatus = z.enum(['PENDING', 'SENDING', 'SENT', 'FAILED', 'GAVE_UP', 'SUPPRESSED', 'CANCELED']);
export type AlertDeliveryStatus = z.infer<typeof AlertDeliveryStatus>;

/** One attempt to deliver one notice to one channel: a row of the alert history. */
export const AlertDelivery = z
  .object({
    id: z.string(),
    /** The first attempt's id; retries of the same notice share it. */
    notificationId: z.string(),
    incidentId: z.string().nullable(),
    channelId: z.string(),
    channelName: z.string().nullable(),
    channelType: z.string().nullable(),
    ruleId: z.string().nullable(),
    ruleName: z.string().nullable(),
    taskId: z.string().nullable(),
    taskName: z.string().nullable(),
    runId: z.string().nullable(),
    kind: AlertDeliveryKind,
    attempt: z.number().int(),
    status: AlertDeliveryStatus,
    createdAt: EpochMs,
    nextAttemptAt: EpochMs.nullable(),
    sentAt: EpochMs.nullable(),
    finishedAt: EpochMs.nullable(),
    /** Why it was not sent, in the sender's words, or why it was canceled or held back (English). */
    error: z.string().nullable(),
    /** A failed attempt's reason as a code (null otherwise, and on attempts recorded before codes: show `error`). */
    errorCode: DeliveryFailure.nullable(),
    /** Why a CANCELED or SUPPRESSED notice was not sent, as a code (null otherwise, and on notices recorded before codes: show `error`). */
    skipReason: DeliverySkip.nullable(),
    /** What was sent, with secrets left out (method, address, format, size). */
    request: z.string().nullable(),
    response: z.string().nullable(),
  })
  .meta({ id: 'AlertDelivery' });
export type AlertDelivery = z.infer<typeof AlertDelivery>;

export const AlertHistoryQuery = z.object({
  taskId: z.string().max(64).optional(),
  runId: z.string().max(64).optional(),
  ruleId: z.string().max(64).optional(),
  channelId: z.string().max(64).optional(),
  incidentId: z.string().max(64).optional(),
  status: AlertDeliveryStatus.optional(),
  kind: AlertDeliveryKind.optional(),
  /** Inclusive lower bound on the attempt's creation time. */
  from: z.coerce.number().int().optional(),
  /** Exclusive upper bound. */
  to: z.coerce.number().int().optional(),
  ...pageQuery,
});
export type AlertHistoryQuery = z.infer<typeof AlertHistoryQuery>;

export const AlertHistoryPage = pageOf(AlertDelivery);

/**
 * The name of the rule Weir makes on a new install (migration 2026-12-06-003, which keeps its own
 * copy, frozen). The web app shows a rule of exactly this name in the reader's language; the name
 * stored, sent in notices and edited is this English one.
 */
export const DEFAULT_ALERT_RULE_NAME = 'A job fails or becomes UNKNOWN';
