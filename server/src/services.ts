import type { WeirConfig } from './config/config.js';
import type { Database } from './db/database.js';
import { AuditService } from './audit/audit.service.js';
import { AuditStore } from './audit/audit.store.js';
import { ApiTokensStore } from './auth/api-tokens.store.js';
import { AuthService } from './auth/auth.service.js';
import { SessionsStore } from './auth/sessions.store.js';
import { UsersStore } from './auth/users.store.js';
import { ClustersService } from './clusters/clusters.service.js';
import { ClustersStore } from './clusters/clusters.store.js';
import { SecretBox } from './secrets/secret-box.js';

/** The composition root: every service, wired once. */
export function createServices(database: Database, config: Pick<WeirConfig, 'sessionTtlMs' | 'flinkTimeoutMs' | 'secretKey' | 'dataDir'>) {
  const audit = new AuditService(new AuditStore(database));
  const auth = new AuthService(new UsersStore(database), new SessionsStore(database), new ApiTokensStore(database), audit, {
    sessionTtlMs: config.sessionTtlMs,
  });
  const clusters = new ClustersService(new ClustersStore(database), audit, config.flinkTimeoutMs);
  const secrets = SecretBox.load(config.secretKey, config.dataDir);
  return { database, audit, auth, clusters, secrets };
}
export type Services = ReturnType<typeof createServices>;
