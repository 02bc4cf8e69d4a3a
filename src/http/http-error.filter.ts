import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { ErrorCode } from '../common/errors';
import { classifyError, internalMessage } from '../graphql/format-error';
import { LOGGER } from '../logging/logger';

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
 * The HTTP form of what formatGraphQLError does, for every controller: the same
 * codes and messages as `{ error: { code, message } }`, and for anything
 * unexpected a reference that matches the request id in the logs. GraphQL errors
 * are passed on untouched: Apollo shapes those.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return error;
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const known = classifyError(error);
    if (!known) this.logger.error({ requestId: request.id, err: error }, 'unexpected error');
    const code: ErrorCode = known?.code ?? 'INTERNAL';
    const body = known
      ? { code, message: known.message, ...(known.details ?? {}) }
      : { code, message: internalMessage(String(request.id)), correlationId: String(request.id) };
    void reply.status(STATUS[code]).header('cache-control', 'no-store').send({ error: body });
    return undefined;
  }
}
