/**
 * What Weir's parts ask of a logger: Fastify's pino logger answers it, and tests pass a quiet one.
 * One type for every domain, so a domain never imports another (or `services.ts`) for it.
 */
export interface Logger {
  info(o: unknown, m: string): void;
  warn(o: unknown, m: string): void;
  error(o: unknown, m: string): void;
}

/** A logger for tests and tools: errors to stderr, the rest nowhere. */
export const quietLogger: Logger = { info: () => undefined, warn: () => undefined, error: (o, m) => console.error(m, o) };
