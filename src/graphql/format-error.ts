import { HttpException } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError, isDuplicateKeyError, type ErrorCode } from '../common/errors';

/** Set by the error-logging plugin on an unexpected error, so the client can quote it. */
export const CORRELATION_ID = Symbol('correlationId');

const httpStatusCodes: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
};

/** Apollo's own codes for requests that never reached a resolver. */
const requestErrorCodes = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/** What a client may learn about an error thrown below a resolver or controller. */
export interface ClientError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
  /** An HTTP status other than the code's usual one (413, 415, 405). */
  status?: number;
}

/** Known errors keep their code and message; anything else is INTERNAL (undefined here). */
export function classifyError(original: unknown): ClientError | undefined {
  if (original instanceof DomainError) return { code: original.code, message: original.message, details: original.details };
  if (original instanceof HttpException) {
    const status = original.getStatus();
    const code = httpStatusCodes[status];
    if (code) return { code, message: httpMessage(original) };
    // Any other refusal of the request itself (Fastify's, for instance) is the caller's to fix.
    if (status >= 400 && status < 500) return { code: 'BAD_USER_INPUT', message: httpMessage(original), status };
  }
  if (isDuplicateKeyError(original)) return { code: 'CONFLICT', message: 'That already exists.' };
  return undefined;
}

export function internalMessage(correlationId?: string): string {
  return `Something went wrong on our side.${correlationId ? ` If it keeps happening, quote reference ${correlationId}.` : ''}`;
}

/**
 * The one place that turns any GraphQL error into what a client sees (docs/architecture.md
 * invariant 7): a stable code, a message a person can act on, never a stack trace.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  const known = classifyError(original);
  if (known) return { ...base, message: known.message, extensions: { code: known.code, ...(known.details ?? {}) } };
  const apolloCode = formatted.extensions?.code;
  if (original === error && typeof apolloCode === 'string' && requestErrorCodes.has(apolloCode)) {
    const limit = formatted.extensions?.limit;
    return { ...base, message: formatted.message, extensions: { code: 'BAD_USER_INPUT', ...(limit ? { limit } : {}) } };
  }
  const correlationId = (original as { [CORRELATION_ID]?: string } | undefined)?.[CORRELATION_ID];
  return { ...base, message: internalMessage(correlationId), extensions: { code: 'INTERNAL', ...(correlationId ? { correlationId } : {}) } };
}

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

export function isExpectedError(error: unknown): boolean {
  return classifyError(unwrapResolverError(error)) !== undefined;
}
