import { z } from 'zod';
import { EpochMs, pageOf } from './common.schemas.js';

export const AuditOutcome = z.enum(['success', 'failure']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

/** One recorded change or operation: who, when, what, to what, and how it ended. */
export const AuditEntry = z
  .object({
    id: z.string(),
    at: EpochMs,
    /** Username, `token:<name>` for an API token, or `system`. */
    actor: z.string(),
    actorKind: z.enum(['user', 'token', 'system']),
    /** `<thing>.<verb>`, e.g. `cluster.create`, `token.revoke`, `auth.login`. */
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    targetName: z.string().nullable(),
    outcome: AuditOutcome,
    /** What the operation was given and, on failure, its error; never a secret. */
    detail: z.unknown().nullable(),
    /** The team the entry is about; null: Weir-wide (users, logins, shared clusters). */
    teamId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

const filterText = z.string().trim().min(1).max(200).optional();

/** Filters are exact matches; `from` is inclusive and `to` exclusive (epoch ms). Newest first. */
export const AuditQuery = z
  .object({
    actor: filterText,
    action: filterText,
    targetType: filterText,
    targetId: filterText,
    teamId: filterText,
    from: z.coerce.number().int().min(0).optional(),
    to: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, { message: '`from` must be before `to`', path: ['to'] });
/** What a client sends: every field optional (limit and offset have defaults). */
export type AuditQuery = Partial<z.output<typeof AuditQuery>>;

export const AuditPage = pageOf(AuditEntry).meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPage>;
