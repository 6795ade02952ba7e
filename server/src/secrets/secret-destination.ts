import { InputError } from '../errors/errors.js';

/**
 * Where a secret is sent: scheme, host and port, nothing more (a path or query on the same server
 * is the same destination). `smtp` and `smtps` stand for the e-mail channel's plain and TLS modes.
 */
export function destinationOf(address: string): string {
  const url = new URL(address);
  const port = url.port || DEFAULT_PORTS[url.protocol] || '';
  return `${url.protocol}//${url.hostname.toLowerCase()}${port ? `:${port}` : ''}`;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443', 'smtp:': '25', 'smtps:': '465' };

/**
 * The one rule for a stored secret across an update: it is bound to the destinations it was
 * entered for. An update that keeps the secret (leaves it out or sends the mask) while sending it
 * to a destination it was not entered for is refused, naming the field, so that changing an
 * address cannot carry a stored password or token to a server its owner never chose. Re-entering
 * the secret, or removing it, is always allowed.
 *
 * @param field the request field that holds the secret, for the message ("auth", "config.password")
 * @param bound where the stored secret was entered for (every address it is sent to)
 * @param next where it would be sent after the update
 */
export function assertSecretStaysAtItsDestinations(field: string, bound: readonly string[], next: readonly string[]): void {
  const allowed = new Set(bound.map(destinationOf));
  const moved = next.map(destinationOf).find((destination) => !allowed.has(destination));
  if (moved === undefined) return;
  throw new InputError(
    `${field} must be entered again: the stored secret was entered for ${[...allowed].join(', ')}, ` +
      `and this change would send it to ${moved}. Send it again with the new address, or remove it.`,
    { field },
  );
}
