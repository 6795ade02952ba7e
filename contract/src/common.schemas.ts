import { z } from 'zod';

/**
 * Reason codes carried by every error response. The web app turns each into
 * "Could not {action} {thing}: {reason}", so they are part of the contract.
 */
export const ErrorCode = z.enum([
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'CONFLICT',
  'FLINK_UNREACHABLE',
  'FLINK_REJECTED',
  'NOT_FLINK',
  'YARN_UNREACHABLE',
  'NOT_YARN',
  'YARN_QUEUE_UNKNOWN',
  'NOT_YET_SUPPORTED',
  'DIRECTORY_UNAVAILABLE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const IdParams = z.object({ id: z.string().min(1).max(64) });

/**
 * One page of a longer list: its items, and how many the whole list holds (what a pager counts from).
 * Every paged answer has this envelope; extend it for what a page says besides.
 */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/** Epoch milliseconds; every time on the wire is one. */
export const EpochMs = z.number().int();

export const Role = z.enum(['admin', 'operator', 'viewer']);
export type Role = z.infer<typeof Role>;
