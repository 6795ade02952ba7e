import type { AlertCondition, AlertConditionKind, AlertRule, AlertScope, CreateAlertRuleRequest } from '@weir/contract';

// The rule drawer's form values and their conversion to and from the API's rule. Durations are
// edited as a number and a unit; the API takes milliseconds.

export type DurationUnit = 's' | 'm' | 'h';
export interface Duration {
  value: number;
  unit: DurationUnit;
}

const UNIT_MS: Record<DurationUnit, number> = { s: 1000, m: 60_000, h: 3_600_000 };

export function durationToMs(d: Duration): number {
  return Math.round(d.value * UNIT_MS[d.unit]);
}

/** The largest unit that shows the duration as a whole number (90 s stays 90 s, 2 h is 2 h). */
export function msToDuration(ms: number): Duration {
  for (const unit of ['h', 'm'] as const) if (ms > 0 && ms % UNIT_MS[unit] === 0) return { value: ms / UNIT_MS[unit], unit };
  return { value: ms / 1000, unit: 's' };
}

export const CONDITION_KINDS: readonly AlertConditionKind[] = [
  'status',
  'restarts',
  'checkpoint-failed',
  'no-checkpoint',
  'exception',
  'metric',
  'health-check',
  'auto-restart-exhausted',
  'savepoint-failed',
  'cluster-unreachable',
];

export type HealthCheck = 'restarts' | 'checkpoint' | 'backpressure';
export type ScopeKind = AlertScope['kind'];
export type Lifecycle = 'DEVELOP' | 'PUBLISHED' | 'ONLINE' | 'OFFLINE';

export interface RuleFormValues {
  name: string;
  /** The owning team (null: Weir-wide); left out, the server picks the user's default team. */
  teamId?: string | null;
  enabled: boolean;
  kind: AlertConditionKind;
  /** status */
  statuses: string[];
  /** restarts */
  restartCount: number;
  restartWindow: Duration;
  /** no-checkpoint */
  noCheckpointFor: Duration;
  /** metric */
  metric: string;
  vertexId: string;
  op: 'above' | 'below';
  threshold: number;
  metricFor: Duration;
  /** health-check */
  healthCheck: HealthCheck;
  scopeKind: ScopeKind;
  taskIds: string[];
  lifecycles: Lifecycle[];
  channelIds: string[];
  renotify: boolean;
  renotifyEvery: Duration;
}

/** What a new rule starts as: the most asked-for rule, "a job failed", on every task. */
export const DEFAULT_RULE_VALUES: RuleFormValues = {
  name: '',
  enabled: true,
  kind: 'status',
  statuses: ['FAILED'],
  restartCount: 3,
  restartWindow: { value: 10, unit: 'm' },
  noCheckpointFor: { value: 10, unit: 'm' },
  metric: '',
  vertexId: '',
  op: 'above',
  threshold: 0,
  metricFor: { value: 5, unit: 'm' },
  healthCheck: 'restarts',
  scopeKind: 'all',
  taskIds: [],
  lifecycles: [],
  channelIds: [],
  renotify: false,
  renotifyEvery: { value: 30, unit: 'm' },
};

export function ruleToFormValues(rule: AlertRule): RuleFormValues {
  const values: RuleFormValues = {
    ...DEFAULT_RULE_VALUES,
    name: rule.name,
    teamId: rule.teamId,
    enabled: rule.enabled,
    kind: rule.condition.kind,
    channelIds: [...rule.channelIds],
    scopeKind: rule.scope.kind,
    renotify: rule.renotifyIntervalMs !== null,
    renotifyEvery: rule.renotifyIntervalMs !== null ? msToDuration(rule.renotifyIntervalMs) : DEFAULT_RULE_VALUES.renotifyEvery,
  };
  const c = rule.condition;
  switch (c.kind) {
    case 'status':
      values.statuses = [...c.statuses];
      break;
    case 'restarts':
      values.restartCount = c.count;
      values.restartWindow = msToDuration(c.windowMs);
      break;
    case 'no-checkpoint':
      values.noCheckpointFor = msToDuration(c.forMs);
      break;
    case 'metric':
      values.metric = c.metric;
      values.vertexId = c.vertexId ?? '';
      values.op = c.op;
      values.threshold = c.threshold;
      values.metricFor = msToDuration(c.forMs);
      break;
    case 'health-check':
      values.healthCheck = c.check;
      break;
    default:
      break;
  }
  if (rule.scope.kind === 'tasks') values.taskIds = [...rule.scope.taskIds];
  if (rule.scope.kind === 'lifecycles') values.lifecycles = [...rule.scope.lifecycles];
  return values;
}

function conditionOf(v: RuleFormValues): AlertCondition {
  switch (v.kind) {
    case 'status':
      return { kind: 'status', statuses: v.statuses as Extract<AlertCondition, { kind: 'status' }>['statuses'] };
    case 'restarts':
      return { kind: 'restarts', count: v.restartCount, windowMs: durationToMs(v.restartWindow) };
    case 'no-checkpoint':
      return { kind: 'no-checkpoint', forMs: durationToMs(v.noCheckpointFor) };
    case 'metric':
      return { kind: 'metric', metric: v.metric.trim(), vertexId: v.vertexId.trim() || null, op: v.op, threshold: v.threshold, forMs: durationToMs(v.metricFor) };
    case 'health-check':
      return { kind: 'health-check', check: v.healthCheck };
    default:
      return { kind: v.kind };
  }
}

function scopeOf(v: RuleFormValues): AlertScope {
  if (v.scopeKind === 'tasks') return { kind: 'tasks', taskIds: v.taskIds };
  if (v.scopeKind === 'lifecycles') return { kind: 'lifecycles', lifecycles: v.lifecycles };
  return { kind: 'all' };
}

/** The request for these values; the same body creates (POST) or replaces every field (PATCH). */
export function formValuesToRuleRequest(v: RuleFormValues): CreateAlertRuleRequest {
  return {
    name: v.name.trim(),
    ...(v.teamId !== undefined ? { teamId: v.teamId } : {}),
    enabled: v.enabled,
    condition: conditionOf(v),
    scope: scopeOf(v),
    channelIds: v.channelIds,
    renotifyIntervalMs: v.renotify ? durationToMs(v.renotifyEvery) : null,
  };
}
