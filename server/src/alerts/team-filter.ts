import type { Expression, ExpressionBuilder, ReferenceExpression, SqlBool } from 'kysely';

/**
 * The rows a caller of these teams sees: those of the teams, and those of no team (shared, or
 * Weir-wide). `teamIds` empty: only the shared ones.
 */
export function ownedByOrShared<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: ReferenceExpression<DB, TB>,
  teamIds: readonly string[],
): Expression<SqlBool> {
  const shared = eb(column, 'is', null);
  // `in ()` is not SQL: with no team only the shared rows remain.
  return teamIds.length === 0 ? shared : eb.or([shared, eb(column, 'in', [...teamIds] as never)]);
}
