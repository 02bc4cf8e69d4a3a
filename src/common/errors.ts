/**
 * The error codes clients may rely on (docs/architecture.md invariant 7). Every error a
 * client sees carries exactly one of these in `extensions.code`.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL';

/** The HTTP status each code answers with when a request is refused as a whole. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** A failure the caller can act on. Its message goes to the client as written. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadInput extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('BAD_USER_INPUT', message, details);
  }
}
export class Unauthenticated extends DomainError {
  constructor(message = 'Sign in to continue.') {
    super('UNAUTHENTICATED', message);
  }
}
export class Forbidden extends DomainError {
  constructor(message = 'You do not have permission to do that.') {
    super('FORBIDDEN', message);
  }
}
export class NotFound extends DomainError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} was not found.`);
  }
}
export class Conflict extends DomainError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}
export class RateLimited extends DomainError {
  constructor(message: string, retryAfterSeconds?: number) {
    super('RATE_LIMITED', message, retryAfterSeconds ? { retryAfterSeconds } : undefined);
  }
}

/** MongoDB's duplicate-key error, as the driver reports it (code 11000). */
export function isDuplicateKeyError(error: unknown): error is { code: number; keyPattern?: Record<string, unknown> } {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
