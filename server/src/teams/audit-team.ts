import type { AuditTarget } from '../audit/audit.service.js';
import type { OwnedKind, TeamsStore } from './teams.store.js';

/** The audit log's target types that name something a team owns. */
const OWNED_TARGETS: Readonly<Record<string, OwnedKind>> = {
  task: 'task',
  run: 'run',
  cluster: 'cluster',
  'alert-rule': 'alertRule',
  'alert-channel': 'alertChannel',
  'alert-silence': 'alertSilence',
  team: 'team',
};

/** The team an audit entry is about: the owner of its target, or null (Weir-wide, or a thing gone). */
export async function teamOfAuditTarget(store: TeamsStore, target: AuditTarget): Promise<string | null> {
  const kind = OWNED_TARGETS[target.type];
  if (!kind || !target.id) return null;
  return (await store.ownerOf(kind, target.id)) ?? null;
}
