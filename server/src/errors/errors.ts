import type { ErrorCode } from '@weir/contract';

/** A failure with a reason code from the API contract; mapped to HTTP in one place (error-handler.ts). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InputError extends AppError {
  constructor(message: string, details?: unknown) {
    super('VALIDATION', message, details);
  }
}
export class NotFoundError extends AppError {
  constructor(thing: string, id: string) {
    super('NOT_FOUND', `${thing} ${id} does not exist`);
  }
}
export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super('CONFLICT', message, details);
  }
}
export class UnauthenticatedError extends AppError {
  constructor(message = 'Log in first') {
    super('UNAUTHENTICATED', message);
  }
}
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}
/** The Flink endpoint could not be reached (refused, timed out, DNS). */
export class FlinkUnreachableError extends AppError {
  constructor(message: string, details?: unknown) {
    super('FLINK_UNREACHABLE', message, details);
  }
}
/**
 * This instance no longer holds the lease of the cluster it was writing about (another instance
 * took the cluster over): the write is refused and the watcher's cycle ends. Not an AppError: it
 * says nothing about Flink or the request.
 */
export class LeaseLostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LeaseLostError';
  }
}
/** Flink answered, but said no (4xx/5xx with its own error list). */
export class FlinkRejectedError extends AppError {
  constructor(message: string, details?: unknown) {
    super('FLINK_REJECTED', message, details);
  }
}
/** Something answered, but not as a Flink JobManager/SQL Gateway would. */
export class NotFlinkError extends AppError {
  constructor(message: string, details?: unknown) {
    super('NOT_FLINK', message, details);
  }
}

/** The LDAP directory did not answer, or not as configured: a password cannot be checked now (503, not "wrong password"). */
export class DirectoryUnavailableError extends AppError {
  constructor(message: string) {
    super('DIRECTORY_UNAVAILABLE', message);
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FLINK_UNREACHABLE: 502,
  FLINK_REJECTED: 422,
  NOT_FLINK: 422,
  YARN_UNREACHABLE: 502,
  NOT_YARN: 422,
  YARN_QUEUE_UNKNOWN: 422,
  NOT_YET_SUPPORTED: 409,
  DIRECTORY_UNAVAILABLE: 503,
  INTERNAL: 500,
};
