import type { Principal } from '../access/principal.js';
import type { AuditEntry, AuditFilter, AuditStore } from './audit.store.js';

export interface AuditTarget {
  type: string;
  id?: string | null | undefined;
  name?: string | null | undefined;
  /** The team the entry is about, when the caller knows it; otherwise found from the target. */
  teamId?: string | null;
}

/** Finds the team that owns an audited target (a task, run, cluster, alert rule…); null: Weir-wide. */
export type AuditTeamResolver = (target: AuditTarget) => Promise<string | null>;

/** Records who did what, to what, when, and how it ended. Never throws into the caller's path. */
export class AuditService {
  constructor(
    private readonly store: AuditStore,
    private readonly log: { error: (obj: unknown, msg: string) => void } = console,
    private readonly now: () => number = Date.now,
    private readonly teamOf: AuditTeamResolver = async (target) => target.teamId ?? null,
  ) {}

  async record(actor: Principal, action: string, target: AuditTarget, outcome: 'success' | 'failure', detail?: unknown): Promise<void> {
    try {
      const teamId = target.teamId !== undefined ? target.teamId : await this.teamOf(target).catch(() => null);
      await this.store.append({
        teamId,
        at: this.now(),
        actor: actor.name,
        actorKind: actor.id === 'system' ? 'system' : actor.kind,
        action,
        targetType: target.type,
        targetId: target.id ?? null,
        targetName: target.name ?? null,
        outcome,
        detail: detail === undefined ? null : JSON.stringify(detail),
      });
    } catch (err) {
      this.log.error({ err, action }, 'could not write the audit record');
    }
  }

  /** Runs an operation and records its outcome, with the error message on failure. */
  async around<T>(actor: Principal, action: string, target: AuditTarget, fn: () => Promise<T>, detail?: unknown): Promise<T> {
    try {
      const result = await fn();
      await this.record(actor, action, target, 'success', detail);
      return result;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await this.record(actor, action, target, 'failure', { ...(detail as object | undefined), error: message });
      throw err;
    }
  }

  list(filter: Parameters<AuditStore['list']>[0]) {
    return this.store.list(filter);
  }

  /** A page of entries as the API shows them: `detail` parsed back from its JSON text. */
  async search(filter: AuditFilter): Promise<{ items: AuditEntryView[]; total: number }> {
    const page = await this.store.list(filter);
    return { total: page.total, items: page.items.map((e) => ({ ...e, detail: parseDetail(e.detail) })) };
  }
}

export type AuditEntryView = Omit<AuditEntry, 'detail'> & { detail: unknown };

function parseDetail(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
