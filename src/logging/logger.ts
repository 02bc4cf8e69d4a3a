import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { logContext } from '../common/request-context';

/**
 * Structured JSON logs. Redaction is a safety net, not the plan: code must not
 * log passwords, tokens, invite codes, reflection text or quiz answers at all.
 */
/** Path segments after these prefixes are bearer secrets (verification and share codes). */
const SECRET_PATHS = /^(\/(?:verify|certificates)\/)[^/?#]+/;

/** A request's URL as it may appear in logs: codes masked, query strings dropped. */
export function loggableUrl(url: string | undefined): string {
  return (url ?? '').split('?')[0].replace(SECRET_PATHS, '$1[redacted]');
}

export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(1)): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'waypoint' },
    // Every line written inside a request or job names it (and who asked), without anyone passing them along.
    mixin: logContext,
    serializers: {
      req: (req: { method?: string; url?: string; id?: unknown }) => ({ id: req.id, method: req.method, url: loggableUrl(req.url) }),
    },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.accessToken', '*.refreshToken', '*.token', '*.code', '*.text', '*.answers', 'variables'],
      censor: '[redacted]',
    },
  };
  return pino(options, destination);
}

/** Routes Nest's own log calls into the same pino stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  /** Nest's routine start-up chatter (modules, routes) is debug detail, not news. */
  log(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}

export const LOGGER = Symbol('LOGGER');
