import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { type DocumentNode, GraphQLError, type GraphQLSchema, isObjectType, type ValidationRule, visit } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { Logger } from 'pino';
import { HTTP_STATUS } from '../common/errors';
import { classifyError, CORRELATION_ID, isExpectedError } from './format-error';
import type { GraphQLContext } from './context';
import { checkDocument, limitExceeded, type DocumentLimits } from './limits';

const refused = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

/**
 * The document's shape (aliases, root fields, expanded selections, depth) as a
 * validation rule. Apollo runs custom rules only once GraphQL's own rules have
 * passed (`maxRecursiveSelections` turns that on), so fragment cycles are
 * refused by the specification's rule before this walks anything, and the walk
 * itself neither recurses nor expands fragments more than once.
 */
export function documentLimitsRule(limits: DocumentLimits): ValidationRule {
  return (context) => {
    const error = checkDocument(context.getDocument(), limits);
    if (error) context.reportError(error);
    return {};
  };
}

/** Results kept per parsed document (Apollo reuses the same DocumentNode for the same query text). */
const MAX_CACHED_PER_DOCUMENT = 64;

/**
 * What is refused once the operation is known, before any resolver runs:
 * subscriptions, and any operation whose estimated cost is over the limit or
 * cannot be estimated at all (a refusal, never a pass). Errors thrown from this
 * hook carry HTTP 400, which Apollo honours.
 *
 * The estimate is remembered per document, operation and the variables that can change
 * it (those in `@skip`/`@include`, and all of them once a field estimates its own cost
 * from its arguments): walking the document cost as much as executing it.
 */
export function costLimitPlugin(schema: () => GraphQLSchema, maxComplexity: number): ApolloServerPlugin<GraphQLContext> {
  const cache = new WeakMap<DocumentNode, { relevant: string[] | 'all'; results: Map<string, number> }>();
  let argumentsMatter: boolean | undefined;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (!operation) return; // Apollo answers a missing or ambiguous operation itself, with 400.
          if (operation.operation === 'subscription') throw refused('Subscriptions are not supported: use queries and mutations over HTTP.');
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
            } catch (error) {
              // Usually variables that do not fit their types. Either way the cost is unknown.
              const detail = error instanceof GraphQLError ? ` ${error.message}` : '';
              throw refused(`This request's cost could not be estimated, so it was not run.${detail}`);
            }
            if (entry.results.size >= MAX_CACHED_PER_DOCUMENT) entry.results.clear();
            entry.results.set(key, complexity);
          }
          if (complexity > maxComplexity) {
            throw limitExceeded(
              `This query is too complex (cost ${complexity}, limit ${maxComplexity}). Ask for fewer fields or smaller pages.`,
              'complexity',
              complexity,
              maxComplexity,
            );
          }
        },
      };
    },
  };
}

/**
 * A request refused as a whole (no `data`) gets the HTTP status of its code:
 * Apollo answers some refusals with 200 (persisted queries) and any error that
 * does not name a status with 500, even when the code says the client is at fault.
 * A rate limit is 429 with Retry-After wherever it occurs, so clients and proxies
 * that know nothing of GraphQL still back off.
 */
export function requestStatusPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          const waits = errors.filter((e) => e.extensions?.code === 'RATE_LIMITED').map((e) => Number(e.extensions?.retryAfterSeconds ?? 1));
          if (waits.length) {
            response.http.status = 429;
            response.http.headers.set('retry-after', String(Math.max(...waits)));
            return;
          }
          if ('data' in response.body.singleResult) return;
          const codes = errors.map((e) => e.extensions?.code);
          if (!codes.length || codes.includes('INTERNAL')) return;
          const status = HTTP_STATUS[codes[0] as keyof typeof HTTP_STATUS];
          if (status) response.http.status = status;
        },
      };
    },
  };
}

/**
 * Logs each refused request once, at info (warn for rate limits), with its code
 * and never its message or variables: a message about bad input can quote the
 * input, and that may be a password sent with the wrong type. Unexpected errors
 * are logged at error with the stack, and tagged so the client sees the request
 * id as a reference.
 */
export function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors, operationName }) {
          const requestId = String(contextValue.req?.id ?? 'unknown');
          for (const error of errors) {
            if (isExpectedError(error) || error.originalError === undefined || error.extensions?.code === 'BAD_USER_INPUT' || error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED') {
              const code = classifyError(unwrapResolverError(error))?.code ?? 'BAD_USER_INPUT';
              logger[code === 'RATE_LIMITED' ? 'warn' : 'info']({ requestId, operationName, code }, 'request refused');
              continue;
            }
            const original = (error.originalError ?? error) as Error & { [CORRELATION_ID]?: string };
            if (typeof original === 'object') original[CORRELATION_ID] = requestId;
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
