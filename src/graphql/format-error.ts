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

/**
 * The one place that turns any error into what a client sees (DESIGN.md
 * invariant 7): a stable code, a message a person can act on, never a stack trace.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...(original.details ?? {}) } };
  }
  if (original instanceof HttpException) {
    const code = httpStatusCodes[original.getStatus()] ?? 'INTERNAL';
    if (code !== 'INTERNAL') return { ...base, message: httpMessage(original), extensions: { code } };
  }
  if (isDuplicateKeyError(original)) {
    return { ...base, message: 'That already exists.', extensions: { code: 'CONFLICT' } };
  }
  const apolloCode = formatted.extensions?.code;
  if (original === error && typeof apolloCode === 'string' && requestErrorCodes.has(apolloCode)) {
    return { ...base, message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const correlationId = (original as { [CORRELATION_ID]?: string } | undefined)?.[CORRELATION_ID];
  return {
    ...base,
    message: `Something went wrong on our side.${correlationId ? ` If it keeps happening, quote reference ${correlationId}.` : ''}`,
    extensions: { code: 'INTERNAL', ...(correlationId ? { correlationId } : {}) },
  };
}

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

export function isExpectedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError || isDuplicateKeyError(original)) return true;
  if (original instanceof HttpException) return original.getStatus() < 500;
  return false;
}
