import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { Logger } from 'pino';
import { CORRELATION_ID, isExpectedError } from './format-error';
import type { GraphQLContext } from './context';

/** Rejects operations whose estimated cost exceeds the limit, before any resolver runs. */
export function complexityLimitPlugin(schema: () => GraphQLSchema, maxComplexity: number): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema: schema(),
              operationName: request.operationName,
              query: document,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Variables that do not fit their types: Apollo's own coercion answers with
            // BAD_USER_INPUT right after this; never turn the learner's input into an INTERNAL error.
            return;
          }
          if (complexity > maxComplexity) {
            throw new GraphQLError(
              `This query is too complex (cost ${complexity}, limit ${maxComplexity}). Ask for fewer fields or smaller pages.`,
              { extensions: { code: 'BAD_USER_INPUT' } },
            );
          }
        },
      };
    },
  };
}

/**
 * Logs unexpected errors with the request id and tags them so the client sees
 * the same id as a reference. Expected errors (bad input, denied access) are
 * logged at debug level only, without arguments: they may hold personal data.
 */
export function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors, operationName }) {
          const requestId = String(contextValue.req?.id ?? 'unknown');
          for (const error of errors) {
            if (isExpectedError(error)) {
              logger.debug({ requestId, operationName, code: error.extensions?.code }, 'request refused');
              continue;
            }
            const original = (error.originalError ?? error) as Error & { [CORRELATION_ID]?: string };
            if (typeof original === 'object') original[CORRELATION_ID] = requestId;
            if (error.originalError === undefined || error.extensions?.code === 'BAD_USER_INPUT') {
              logger.debug({ requestId, operationName, message: error.message }, 'invalid request');
              continue;
            }
            logger.error({ requestId, operationName, path: error.path, err: original }, 'unexpected error');
          }
        },
      };
    },
  };
}
