/**
 * G0, the GraphQL floor without the database: the real /graphql request (JWT
 * guard, context, parsing, validation, complexity check, execution of every
 * nested field, serialization), except that the operation's root resolver
 * answers with a value recorded from a real G1 request instead of running.
 *
 * A global interceptor does it, so only the resolver body is replaced:
 * `x-bench-record: <scenario>` stores what the root resolver returned,
 * `x-bench-g0: <scenario>` returns the stored value without calling it.
 * Requests without either header pass straight through (G1 pays one header
 * lookup per root field).
 */
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { type Observable, of, tap } from 'rxjs';
import type { GraphQLContext } from '../src/graphql/context';

export const RECORD_HEADER = 'x-bench-record';
export const REPLAY_HEADER = 'x-bench-g0';

@Injectable()
export class G0Interceptor implements NestInterceptor {
  private readonly recorded = new Map<string, unknown>();

  has(scenario: string): boolean {
    return this.recorded.has(scenario);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const headers = gql.getContext<GraphQLContext>().req.headers;
    const replay = headers[REPLAY_HEADER];
    const record = headers[RECORD_HEADER];
    if (replay === undefined && record === undefined) return next.handle();
    if (gql.getInfo<GraphQLResolveInfo>().path.prev !== undefined) return next.handle(); // nested fields run for real
    if (typeof replay === 'string') return of(this.recorded.get(replay));
    return next.handle().pipe(tap((value) => this.recorded.set(String(record), value)));
  }
}
