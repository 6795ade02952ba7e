import type { ErrorCode } from '@weir/contract';

/** The server's reason codes, plus whatever a newer server may add. */
export type ApiErrorCode = ErrorCode | (string & {});

/** An error answer from the Weir API, carrying the server's reason code and message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

function isErrorBody(body: unknown): body is { error: { code: string; message: string; details?: unknown } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** Builds an ApiError from whatever came back, even when the body is not Weir's error shape (a proxy page, say). */
export function toApiError(response: Response, body: unknown): ApiError {
  if (isErrorBody(body)) {
    return new ApiError(response.status, body.error.code, body.error.message, body.error.details);
  }
  const code = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : 'INTERNAL';
  return new ApiError(response.status, code, response.statusText || `HTTP ${response.status}`);
}

/**
 * Turns an openapi-fetch result into its data, throwing an ApiError for any error answer, so that
 * query and mutation hooks see failures as rejected promises.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  throw toApiError(result.response, result.error);
}
