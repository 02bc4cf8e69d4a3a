/**
 * G0, the GraphQL floor without the database: the real /graphql request (JWT
 * guard, context, parsing, validation, complexity check, pipes, execution of
 * every nested field, serialization), except that the operation's root resolver
 * answers with a value recorded from a real G1 request instead of running.
 *
 * The root resolvers' methods are wrapped before the app initializes, with their
 * decorators' metadata copied, so Nest builds the same pipeline (guards, pipes,
 * parameters) around the wrapper. Which requests are recorded or replayed is told
 * by the request id the runner sends (`x-request-id`, which the request context
 * carries): `bench.record.<scenario>` stores what the root resolver returned,
 * `bench.g0.<scenario>` returns the stored value without calling it. Other
 * requests pay one lookup of the request id per root field.
 *
 * Not an interceptor: any global interceptor makes Nest run every resolver call
 * through RxJS, which the service itself does not (src/core.module.ts), so G1 would
 * pay a cost production does not.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { copyMethodMetadata } from 'nestjs-cls';
import { currentRequestId } from '../src/common/request-context';

const RECORD = 'bench.record.';
const REPLAY = 'bench.g0.';
/** Where Nest keeps whether a resolver method is a Query, Mutation or field resolver (@nestjs/graphql). */
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';

export const recordId = (scenario: string) => `${RECORD}${scenario}`;
export const replayId = (scenario: string) => `${REPLAY}${scenario}`;

type Method = ((...args: unknown[]) => unknown) & { [WRAPPED]?: true };
/** Marks a wrapper, so a second app in the same process (the next dataset size) does not wrap it again. */
const WRAPPED = Symbol('g0');
/** The recordings of the app being measured: wrappers are installed once per process, so they read this, not a closure. */
let active = new Map<string, unknown>();

export class G0 {
  private readonly recorded = new Map<string, unknown>();

  has(scenario: string): boolean {
    return this.recorded.has(scenario);
  }

  /** Wraps every Query and Mutation method of these resolver classes; call before `app.init()`. */
  install(_app: NestFastifyApplication, resolvers: ReadonlyArray<abstract new (...args: never[]) => object>): void {
    active = this.recorded;
    for (const resolver of resolvers) {
      const prototype = resolver.prototype as Record<string, Method>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const original = prototype[name];
        if (typeof original !== 'function' || original[WRAPPED] || !['Query', 'Mutation'].includes(Reflect.getMetadata(RESOLVER_TYPE_METADATA, original) as string)) continue;
        const wrapped: Method = function (this: unknown, ...args: unknown[]) {
          const id = currentRequestId();
          const recorded = active;
          if (id?.startsWith(REPLAY)) return Promise.resolve(recorded.get(id.slice(REPLAY.length)));
          const result = original.apply(this, args);
          if (!id?.startsWith(RECORD)) return result;
          return Promise.resolve(result).then((value) => {
            recorded.set(id.slice(RECORD.length), value);
            return value;
          });
        };
        wrapped[WRAPPED] = true;
        copyMethodMetadata(original, wrapped);
        Object.defineProperty(wrapped, 'name', { value: original.name });
        prototype[name] = wrapped;
      }
    }
  }
}
