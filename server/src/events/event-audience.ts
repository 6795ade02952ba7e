import { roleFor, type Principal } from '../access/principal.js';
import type { WeirEvent } from './events.js';

/** The team that owns a task or cluster: an id, null when every team shares it, undefined when there is no such thing. */
export type EventOwnerLookup = (kind: 'task' | 'cluster', id: string) => Promise<string | null | undefined>;

export interface EventAudienceSettings {
  /** How long a cluster's team is trusted: a cluster can be given to another team, a task cannot. */
  clusterTtlMs: number;
  /** Task teams remembered at most (the oldest are forgotten first). */
  maxTasks: number;
}

export const DEFAULT_EVENT_AUDIENCE_SETTINGS: EventAudienceSettings = { clusterTtlMs: 5_000, maxTasks: 10_000 };

/**
 * Who may hear an event on a live stream: the people of the team of its task (run events) or of its
 * cluster (cluster events; a shared cluster's are everyone's). Global roles hear everything. The
 * team is looked up once per event, not per open stream, and remembered: a task's team never
 * changes, so it is kept (up to `maxTasks`); a cluster's can, so it is kept for `clusterTtlMs`.
 * Something Weir does not know is nobody's but the global roles'.
 */
export class EventAudience {
  private readonly taskTeams = new Map<string, string | null>();
  private readonly clusterTeams = new Map<string, { teamId: string | null; until: number }>();

  constructor(
    private readonly ownerOf: EventOwnerLookup,
    private readonly settings: EventAudienceSettings = DEFAULT_EVENT_AUDIENCE_SETTINGS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a principal who sees every team needs no lookup at all. */
  static seesEveryTeam(principal: Principal): boolean {
    return principal.globalRole !== 'none';
  }

  /** The team an event is about: an id; null: every team's; undefined: no team's (unknown task or cluster). */
  async teamOf(event: WeirEvent): Promise<string | null | undefined> {
    if (event.type === 'credentials.revoked') return undefined;
    if (event.type === 'cluster.health') return this.clusterTeam(event.clusterId);
    return this.taskTeam(event.taskId);
  }

  /** Whether `principal` may hear about something of `teamId` (as `teamOf` answered). */
  static mayHear(principal: Principal, teamId: string | null | undefined): boolean {
    if (EventAudience.seesEveryTeam(principal)) return true;
    return teamId !== undefined && roleFor(principal, teamId) !== null;
  }

  private async taskTeam(taskId: string): Promise<string | null | undefined> {
    if (this.taskTeams.has(taskId)) return this.taskTeams.get(taskId);
    const teamId = await this.ownerOf('task', taskId);
    // An unknown task is not remembered: the watcher may register it a moment later.
    if (teamId === undefined) return undefined;
    if (this.taskTeams.size >= this.settings.maxTasks) this.taskTeams.delete(this.taskTeams.keys().next().value!);
    this.taskTeams.set(taskId, teamId);
    return teamId;
  }

  private async clusterTeam(clusterId: string): Promise<string | null | undefined> {
    const now = this.now();
    const known = this.clusterTeams.get(clusterId);
    if (known && known.until > now) return known.teamId;
    const teamId = await this.ownerOf('cluster', clusterId);
    if (teamId === undefined) {
      this.clusterTeams.delete(clusterId);
      return undefined;
    }
    this.clusterTeams.set(clusterId, { teamId, until: now + this.settings.clusterTtlMs });
    return teamId;
  }
}
