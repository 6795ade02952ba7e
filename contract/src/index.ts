export * from './common.schemas.js';
export * from './auth.schemas.js';
export * from './clusters.schemas.js';
export * from './health.schemas.js';
export * from './alerts.schemas.js';
export * from './audit.schemas.js';
export * from './overview.schemas.js';
