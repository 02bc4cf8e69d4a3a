import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLSchema, isObjectType, visit } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { Logger } from 'pino';
import { CORRELATION_ID, isExpectedError } from './format-error';
import type { GraphQLContext } from './context';

/** Results kept per parsed document (Apollo reuses the same DocumentNode for the same query text). */
const MAX_CACHED_PER_DOCUMENT = 64;

/**
 * Rejects operations whose estimated cost exceeds the limit, before any resolver runs.
 * The estimate is remembered per document, operation and the variables that can change
 * it (those in `@skip`/`@include`, and all of them once a field estimates its own cost
 * from its arguments): walking the document cost as much as executing it.
 */
export function complexityLimitPlugin(schema: () => GraphQLSchema, maxComplexity: number): ApolloServerPlugin<GraphQLContext> {
  const cache = new WeakMap<DocumentNode, { relevant: string[] | 'all'; results: Map<string, number> }>();
  let argumentsMatter: boolean | undefined;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          argumentsMatter ??= fieldsEstimateFromArguments(schema());
          let entry = cache.get(document);
          if (!entry) {
            entry = { relevant: argumentsMatter ? 'all' : directiveVariables(document), results: new Map() };
            cache.set(document, entry);
          }
          const variables = request.variables ?? {};
          const relevant = entry.relevant === 'all' ? Object.keys(variables).sort() : entry.relevant;
          const key = JSON.stringify([request.operationName ?? null, relevant.map((name) => [name, variables[name] ?? null])]);
          let complexity = entry.results.get(key);
          if (complexity === undefined) {
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
            if (entry.results.size >= MAX_CACHED_PER_DOCUMENT) entry.results.clear();
            entry.results.set(key, complexity);
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

/** Whether any field declares its own complexity (which may read its arguments). */
function fieldsEstimateFromArguments(schema: GraphQLSchema): boolean {
  return Object.values(schema.getTypeMap()).some(
    (type) => isObjectType(type) && Object.values(type.getFields()).some((field) => field.extensions?.complexity !== undefined),
  );
}

/** Variables used in directive arguments (`@skip(if: $x)`): they decide which fields count. */
function directiveVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Directive(node) {
      visit(node, { Variable: (v) => void names.add(v.name.value) });
    },
  });
  return [...names].sort();
}
