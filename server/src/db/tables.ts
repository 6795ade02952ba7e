import type { Generated } from 'kysely';

// Row shapes exactly as stored (snake_case). Stores map them to camelCase domain objects;
// nothing outside a *.store.ts file should import these.
// Times are epoch milliseconds; booleans are 0/1 integers; JSON lives in text columns.

export interface UsersTable {
  id: string;
  username: string;
  display_name: string | null;
  password_hash: string;
  /** The global role; `none`: only what the user's teams give. */
  role: 'admin' | 'operator' | 'viewer' | 'none';
  failed_logins: Generated<number>;
  locked_until: number | null;
  created_at: number;
  updated_at: number;
  disabled: Generated<number>;
  /** Who vouches for the user: Weir's own password, an OIDC provider or an LDAP directory. */
  auth_source: Generated<'local' | 'oidc' | 'ldap'>;
  /** The provider's name for the user (OIDC `sub`, LDAP DN); null for local users. */
  external_subject: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  token_hash: string;
  role: 'admin' | 'operator' | 'viewer';
  created_by: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
  /** Null: never expires. */
  expires_at: number | null;
  /** Who made the token: a user, or another token (null for tokens older than this record, or made by the system). */
  created_by_user_id: string | null;
  created_by_token_id: string | null;
  /** The one team the token acts in; null: a global token. */
  team_id: string | null;
}

export interface AuditLogTable {
  id: string;
  at: number;
  actor: string;
  actor_kind: 'user' | 'token' | 'system';
  action: string;
  target_type: string;
  target_id: string | null;
  target_name: string | null;
  outcome: 'success' | 'failure';
  detail: string | null;
  /** The team whose task, cluster or rule the entry is about; null: Weir-wide. */
  team_id: string | null;
}

export interface ClustersTable {
  id: string;
  name: string;
  rest_url: string;
  gateway_url: string | null;
  history_url: string | null;
  description: string | null;
  is_local: number;
  created_at: number;
  updated_at: number;
  health: 'HEALTHY' | 'UNREACHABLE' | 'UNKNOWN' | 'NOT_FLINK';
  flink_version: string | null;
  task_managers: number | null;
  slots_total: number | null;
  slots_available: number | null;
  jobs_running: number | null;
  last_checked_at: number | null;
  last_healthy_at: number | null;
  last_error: string | null;
  /** 'basic' | 'bearer', or null when the REST endpoint needs no credentials. */
  auth_type: 'basic' | 'bearer' | null;
  /** The credentials as JSON, sealed with SecretBox; never clear text. */
  auth_secret: string | null;
  /** Null: shared by every team. */
  team_id: string | null;
  /** Mixed into the cluster's push token; raised by a rotation (cluster-push/push-tokens.ts). */
  push_token_generation: Generated<number>;
  /** 'session', or 'yarn': a YARN target whose rest_url is the ResourceManager's REST. */
  kind: Generated<'session' | 'yarn'>;
  /** A YARN target's Hadoop configuration folder, queue and shipped Flink version; null for a session cluster. */
  yarn_conf_dir: string | null;
  yarn_queue: string | null;
  yarn_flink_version: string | null;
  /** A YARN session Weir started: its YARN entry, application, state and resources (JSON); null for other entries. */
  session_yarn_cluster_id: string | null;
  session_application_id: string | null;
  session_state: 'STARTING' | 'RUNNING' | 'STOPPING' | 'STOPPED' | 'FAILED' | null;
  session_resources: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface TasksTable {
  id: string;
  name: string;
  kind: 'SQL' | 'JAR' | 'EXTERNAL';
  lifecycle: 'DEVELOP' | 'PUBLISHED' | 'ONLINE' | 'OFFLINE';
  execution_mode: 'STREAMING' | 'BATCH';
  cluster_id: string;
  owner: string | null;
  description: string | null;
  draft_content: string;
  draft_config: string;
  current_version_id: string | null;
  latest_run_id: string | null;
  latest_status: string | null;
  latest_start_time: number | null;
  // The rest of the latest run's overview facts (migration 2026-11-27-005), null until a task has run.
  latest_flink_job_id: string | null;
  latest_end_time: number | null;
  latest_duration_ms: number | null;
  latest_restart_count: number | null;
  /** 0/1 */
  latest_lost: number | null;
  created_at: number;
  updated_at: number;
  team_id: Generated<string>;
}

export interface TaskVersionsTable {
  id: string;
  task_id: string;
  version: number;
  content: string;
  config: string;
  lineage: string | null;
  created_by: string;
  created_at: number;
  note: string | null;
}

export interface RunsTable {
  id: string;
  task_id: string;
  cluster_id: string;
  flink_job_id: string;
  job_name: string;
  status: string;
  execution_mode: 'STREAMING' | 'BATCH';
  version_id: string | null;
  start_time: number | null;
  end_time: number | null;
  duration_ms: number | null;
  restart_count: Generated<number>;
  last_modification: number | null;
  lost: Generated<number>;
  lost_evidence: string | null;
  unreachable_since: number | null;
  failed_probes: Generated<number>;
  /** Why the submission never reached Flink (null when Flink has or had the job). */
  submission_error: string | null;
  /** The YARN application the run is (null for a session run). */
  yarn_application_id: string | null;
  /** The run's own JobManager REST when it is not its cluster entry's (a YARN application's). */
  job_manager_url: string | null;
  created_at: number;
  updated_at: number;
}

export interface RunTransitionsTable {
  id: string;
  run_id: string;
  seq: number;
  from_status: string | null;
  to_status: string;
  at: number;
  source: 'flink' | 'weir' | 'yarn';
  note: string | null;
  /** JSON `{code, params}` of the note (null on entries written before notes had codes). */
  note_code: string | null;
}

/** A run's restart count each time it grew, with when Weir learned it (for restarts within a window). */
export interface RunRestartCountsTable {
  id: string;
  run_id: string;
  restart_count: number;
  at: number;
}

export interface RunSnapshotsTable {
  run_id: string;
  kind: string;
  body: string;
  captured_at: number;
}

export interface RunWarningsTable {
  run_id: string;
  /** Which detail of the job could not be read: 'job' (its details) or a snapshot kind. */
  detail: string;
  message: string;
  at: number;
}

export interface SavepointsTable {
  id: string;
  run_id: string;
  task_id: string;
  path: string | null;
  kind: 'SAVEPOINT' | 'STOP_WITH_SAVEPOINT' | 'CHECKPOINT';
  trigger_id: string | null;
  status: 'PENDING' | 'COMPLETED' | 'FAILED' | 'DISPOSED';
  failure: string | null;
  created_at: number;
  completed_at: number | null;
  disposed_at: number | null;
  disposed_by: string | null;
  taken_by: string | null;
}

export interface TeamsTable {
  id: string;
  name: string;
  description: string | null;
  created_at: number;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  role: 'admin' | 'operator' | 'viewer';
  created_at: number;
}

export interface Tables {
  teams: TeamsTable;
  team_members: TeamMembersTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  clusters: ClustersTable;
  settings: SettingsTable;
  tasks: TasksTable;
  task_versions: TaskVersionsTable;
  runs: RunsTable;
  run_transitions: RunTransitionsTable;
  run_snapshots: RunSnapshotsTable;
  run_restart_counts: RunRestartCountsTable;
  run_warnings: RunWarningsTable;
  savepoints: SavepointsTable;
}
