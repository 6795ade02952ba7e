import type { HealthBand } from '@weir/contract';

/** One colour per health band: the overview's column and filter, and the run page's health panel. */
export const HEALTH_COLORS: Record<HealthBand, string> = { healthy: '#52c41a', degraded: '#faad14', unhealthy: '#ff4d4f' };
