import type { GlobalRole, Role } from '@weir/contract';

export const ROLE_OPTIONS_ORDER: readonly Role[] = ['viewer', 'operator', 'admin'];
/** `none` first: the least a user can be given Weir-wide (only what their teams give). */
export const GLOBAL_ROLE_OPTIONS_ORDER: readonly GlobalRole[] = ['none', ...ROLE_OPTIONS_ORDER];
export const ROLE_COLORS: Record<GlobalRole, string> = { admin: 'gold', operator: 'blue', viewer: 'default', none: 'default' };
