/** One changed field as the audit log shows it: what it was, and what it became. */
export interface AuditChange {
  before: unknown;
  after: unknown;
}

/**
 * The fields an update changed, before → after, for an audit entry's detail (`{ changes }`): what a
 * reader of the log wants to know, rather than the whole request. Only the fields the update names
 * (defined in `after`) are compared, by value; unchanged ones are left out.
 */
export function auditChanges(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, AuditChange> {
  const changes: Record<string, AuditChange> = {};
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const was = before[field] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(value)) changes[field] = { before: was, after: value };
  }
  return changes;
}

/**
 * A settings object replaced whole (a PUT of a policy): every field of either side, nested ones
 * named "outer.inner" so a reader sees the one threshold that moved rather than two copies of the
 * whole policy; a field that went shows as before → nothing. Lists are compared as values.
 */
export function replacedChanges(before: unknown, after: unknown): Record<string, AuditChange> {
  const was = flatten(before);
  const now = flatten(after);
  const changes: Record<string, AuditChange> = {};
  for (const field of new Set([...Object.keys(was), ...Object.keys(now)])) {
    const from = was[field] ?? null;
    const to = now[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { before: from, after: to };
  }
  return changes;
}

function flatten(value: unknown, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  if (value === null || value === undefined) return into;
  if (typeof value !== 'object' || Array.isArray(value)) {
    into[prefix || 'value'] = value;
    return into;
  }
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const field = prefix ? `${prefix}.${key}` : key;
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) flatten(inner, field, into);
    else into[field] = inner;
  }
  return into;
}
