import { applyDecorators, Injectable, SetMetadata, UseGuards, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerRequest } from '@nestjs/throttler';
import { RateLimited } from '../common/errors';

/**
 * The public operations limited per client, each with its own counter. A new
 * one is a name here, a limit in config.ts, and
 * `@RateLimit('name')` on its resolver or controller method.
 */
export const RATE_LIMIT_BUCKETS = ['login', 'acceptInvite', 'refreshSession', 'verify', 'passwordReset', 'confirmEmail'] as const;
export type RateLimitBucket = (typeof RATE_LIMIT_BUCKETS)[number];

const BUCKET = 'waypoint:rateLimitBucket';

/**
 * Limits how often one client (its address, see TRUST_PROXY) may call this
 * operation; over the limit it gets RATE_LIMITED, HTTP 429 and Retry-After.
 * Methods sharing a bucket share the count (verifyCompletion and GET /verify/:code).
 */
export const RateLimit = (bucket: RateLimitBucket) => applyDecorators(SetMetadata(BUCKET, bucket), UseGuards(RateLimitGuard));

/** @nestjs/throttler's guard, for GraphQL and HTTP, counting only the bucket the method names. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const bucket = this.reflector.get<RateLimitBucket | undefined>(BUCKET, request.context.getHandler());
    if (request.throttler.name !== bucket) return true;
    return super.handleRequest({ ...request, generateKey: (_context, tracker) => `${bucket}:${tracker}` });
  }

  /** Retry-After is set where the error is answered (the GraphQL status plugin, the HTTP error filter). */
  protected override getRequestResponse(context: ExecutionContext) {
    if (context.getType<string>() === 'graphql') {
      return { req: GqlExecutionContext.create(context).getContext<{ req: Record<string, any> }>().req, res: {} };
    }
    return { req: context.switchToHttp().getRequest<Record<string, any>>(), res: {} };
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    throw new RateLimited(`Too many requests from your network for this. Wait ${describeWait(seconds)} and try again.`, seconds);
  }
}

/** In whole minutes: the exact seconds are in Retry-After, and a message that changes every second would tell apart waits that should look alike. */
export function describeWait(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
