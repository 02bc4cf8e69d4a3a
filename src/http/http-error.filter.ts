import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { HTTP_STATUS, type ErrorCode } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { classifyError, internalMessage, type ClientError } from '../graphql/format-error';
import { LOGGER } from '../logging/logger';
import { routesOf } from './routes';

/** A body in the shape GraphQL errors have, so clients read every error the same way. */
export function errorBody(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}

/**
 * The HTTP form of what formatGraphQLError does, for every controller and for
 * what Fastify refuses before a handler runs (unreadable JSON, wrong content
 * type, a body over the limit, a wrong method): the same codes and messages as
 * `{ errors: [{ message, extensions: { code } }] }`, and for anything
 * unexpected a reference that matches the request id in the logs. GraphQL
 * errors are passed on untouched: Apollo shapes those.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  catch(error: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return error;
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const known = this.framework(error, request, reply) ?? classifyError(error);
    const requestId = String(request.id);
    if (!known) {
      this.logger.error({ requestId, err: error }, 'unexpected error');
      return this.send(reply, 500, errorBody('INTERNAL', internalMessage(requestId), { correlationId: requestId }));
    }
    this.logger[known.code === 'RATE_LIMITED' ? 'warn' : 'info']({ requestId, code: known.code, status: known.status }, 'request refused');
    if (known.code === 'RATE_LIMITED') void reply.header('retry-after', String(known.details?.retryAfterSeconds ?? 1));
    return this.send(reply, known.status ?? HTTP_STATUS[known.code], errorBody(known.code, known.message, known.details));
  }

  /** What Fastify refuses before any handler runs: Nest hands these on as HttpExceptions with Fastify's status. */
  private framework(error: unknown, request: FastifyRequest, reply: FastifyReply): ClientError | undefined {
    if (!(error instanceof HttpException)) return undefined;
    const status = error.getStatus();
    if (status === 413) {
      const limit = this.config.httpBodyLimit;
      return { code: 'BAD_USER_INPUT', status, message: `The request body is larger than the limit of ${limit} bytes.`, details: { limit: { name: 'bodyBytes', maximum: limit } } };
    }
    if (status === 415) return { code: 'BAD_USER_INPUT', status, message: 'Send the request body as JSON, with Content-Type: application/json.' };
    if (status === 404 && request.routeOptions?.url === undefined) {
      const allowed = routesOf(request.server)?.allowed(request.url) ?? [];
      if (allowed.length && !allowed.includes(request.method)) {
        void reply.header('allow', allowed.join(', '));
        return { code: 'BAD_USER_INPUT', status: 405, message: `${request.method} is not served here; use ${allowed.join(' or ')}.` };
      }
      return { code: 'NOT_FOUND', status: 404, message: 'Nothing is served at this address.' };
    }
    return undefined;
  }

  private send(reply: FastifyReply, status: number, body: unknown): undefined {
    void reply.status(status).header('cache-control', 'no-store').send(body);
    return undefined;
  }
}
