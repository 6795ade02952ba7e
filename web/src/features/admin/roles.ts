import type { Role } from '@weir/contract';

export const ROLE_OPTIONS_ORDER: readonly Role[] = ['viewer', 'operator', 'admin'];
export const ROLE_COLORS: Record<Role, string> = { admin: 'gold', operator: 'blue', viewer: 'default' };
