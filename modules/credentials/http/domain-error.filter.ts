import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, type ErrorCode } from '../../../src/common/errors';

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/**
 * The HTTP form of what GraphQL's formatError does: a DomainError (including
 * the auth guard's UNAUTHENTICATED) becomes its status with `{ error: { code,
 * message } }`, instead of Nest's generic 500.
 */
@Catch(DomainError)
export class DomainErrorHttpFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply
      .status(STATUS[error.code])
      .header('cache-control', 'no-store')
      .send({ error: { code: error.code, message: error.message, ...(error.details ?? {}) } });
  }
}
