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
