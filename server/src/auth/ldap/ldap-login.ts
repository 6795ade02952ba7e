import type { SessionInfo } from '@weir/contract';
import type { LdapConfig } from '../../config/config.js';
import type { AuthService } from '../auth.service.js';
import { LdapDirectory } from './ldap-directory.js';

/** Logging in with a directory username and password: the configured directory, checked through AuthService. */
export class LdapLogin {
  readonly label: string;
  private readonly directory: LdapDirectory;

  constructor(
    private readonly auth: AuthService,
    private readonly config: LdapConfig,
  ) {
    this.label = config.label;
    this.directory = new LdapDirectory(config.directory);
  }

  login(username: string, password: string, address: string): Promise<{ sessionToken: string; info: SessionInfo }> {
    return this.auth.loginWithDirectory(username, password, address, (u, p) => this.directory.check(u, p), this.config.groupRoles);
  }
}
