import type { SessionInfo } from '@weir/contract';
import type { LdapConfig } from '../../config/config.js';
import type { AuthService } from '../auth.service.js';
import type { DirectoryAnswer } from '../external-identity.js';
import { LdapDirectory } from './ldap-directory.js';

/** Logging in with a directory username and password: the configured directory, checked through AuthService. */
export class LdapLogin {
  readonly label: string;
  private readonly directory: LdapDirectory;

  constructor(
    private readonly auth: AuthService,
    private readonly config: LdapConfig,
    /** Where an unreachable or misconfigured directory is told to the operator (the audit has it too). */
    private readonly log?: { warn(o: unknown, m: string): void },
  ) {
    this.label = config.label;
    this.directory = new LdapDirectory(config.directory);
  }

  login(username: string, password: string, address: string): Promise<{ sessionToken: string; info: SessionInfo }> {
    return this.auth.loginWithDirectory(username, password, address, (u, p) => this.check(u, p), this.config.groupRoles);
  }

  private async check(username: string, password: string): Promise<DirectoryAnswer> {
    const answer = await this.directory.check(username, password);
    if (!answer.ok && answer.failure !== 'wrong-credentials') {
      this.log?.warn({ failure: answer.failure, reason: answer.reason, url: this.config.directory.url }, `LDAP login: the directory is ${answer.failure}`);
    }
    return answer;
  }
}
