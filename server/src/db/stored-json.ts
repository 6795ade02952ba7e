import type { z } from 'zod';

/**
 * A JSON column read back through its schema: what this Weir still understands, or null for a value
 * it does not (written by a newer or older Weir, or damaged), so the caller shows its fallback.
 */
export function parseStoredJson<T>(schema: z.ZodType<T>, json: string | null): T | null {
  if (json === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
