// Row shapes of the alert tables exactly as stored (see migration 2026-11-25-004-alerts). They are
// merged into the shared `Tables` interface here, next to the only code that reads them, so the
// alert stores get typed queries without widening db/tables.ts. Only *.store.ts files and the
// facts queries import this.
import type { Generated } from 'kysely';

export type AlertChannelTypeName = 'webhook' | 'dingtalk' | 'feishu' | 'wecom' | 'email' | 'slack' | 'teams' | 'pagerduty';
export type IncidentState = 'FIRING' | 'RESOLVED';
export type DeliveryKind = 'FIRING' | 'RESOLVED' | 'RENOTIFY' | 'TEST';
export type DeliveryStatus = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'GAVE_UP' | 'SUPPRESSED' | 'CANCELED';

export interface AlertChannelsTable {
  id: string;
  name: string;
  type: AlertChannelTypeName;
  /** JSON; secret fields sealed by SecretBox. */
  config: string;
  /** Null: a channel every team's rules may use. */
  team_id: string | null;
  enabled: Generated<number>;
  created_by: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface AlertRulesTable {
  id: string;
  name: string;
  condition_kind: string;
  /** JSON of the whole AlertCondition. */
  condition: string;
  /** JSON of the AlertScope. */
  scope: string;
  /** JSON array of channel ids. */
  channel_ids: string;
  /** Null: a Weir-wide rule (made by a global admin), matching every team's tasks and clusters. */
  team_id: string | null;
  renotify_interval_ms: number | null;
  enabled: Generated<number>;
  created_by: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface AlertSilencesTable {
  id: string;
  rule_id: string | null;
  task_id: string | null;
  /** Its rule's or task's team; null: Weir-wide (a Weir-wide rule's, or everything). */
  team_id: string | null;
  starts_at: number;
  ends_at: number;
  reason: string;
  created_by: string;
  created_at: number;
}

export interface AlertIncidentsTable {
  id: string;
  rule_id: string;
  condition_kind: string;
  dedup_key: string;
  task_id: string | null;
  run_id: string | null;
  cluster_id: string | null;
  /**
   * The team the incident is about, fixed when it opened: its task's; for a cluster incident the
   * cluster's, or the rule's when the cluster is shared; null only for a Weir-wide rule's incident
   * on a shared cluster. Who lists it and which silences cover it follow from it.
   */
  team_id: string | null;
  state: IncidentState;
  opened_at: number;
  resolved_at: number | null;
  resolve_reason: string | null;
  last_notified_at: number | null;
  /** JSON of IncidentFacts. */
  facts: string;
  /**
   * The summary as a code with its values (JSON of IncidentSummary), for the reader's language;
   * facts.summary keeps the English the channels send. Null for incidents opened before (migration
   * 2026-12-06-008): those show their English summary.
   */
  summary_code: string | null;
}

export interface AlertDeliveriesTable {
  id: string;
  notification_id: string;
  incident_id: string | null;
  channel_id: string;
  kind: DeliveryKind;
  attempt: number;
  status: DeliveryStatus;
  created_at: number;
  next_attempt_at: number | null;
  claimed_by: string | null;
  claimed_at: number | null;
  sent_at: number | null;
  finished_at: number | null;
  error: string | null;
  /** JSON DeliveryFailure (see the 2026-12-06-009 migration). */
  error_code: string | null;
  /** Why a CANCELED/SUPPRESSED notice was not sent: JSON `{code, params}` (DeliverySkip). */
  skip_reason: string | null;
  request: string | null;
  response: string | null;
}

declare module '../db/tables.js' {
  interface Tables {
    alert_channels: AlertChannelsTable;
    alert_rules: AlertRulesTable;
    alert_silences: AlertSilencesTable;
    alert_incidents: AlertIncidentsTable;
    alert_deliveries: AlertDeliveriesTable;
  }
}
