import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config';
import type { GraphQLContext } from './context';
import { formatGraphQLError } from './format-error';
import { costLimitPlugin, documentLimitsRule, errorLoggingPlugin, requestStatusPlugin } from './plugins';
import { StrictDateTime } from './scalars';

export function graphqlOptions(config: AppConfig, logger: Logger): Omit<ApolloDriverConfig, 'driver'> {
  let schema: GraphQLSchema | undefined;
  return {
    // The committed schema.gql is written by `npm run schema` and checked by a test,
    // so a running service never rewrites files in the repository.
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: !config.isProduction,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    // The parser stops counting at this many tokens, so a huge document costs nothing more to refuse.
    parseOptions: { maxTokens: config.graphql.maxTokens },
    // With this set, Apollo runs our rules only after GraphQL's own have passed (fragment
    // cycles among them), and also bounds fragment expansion in its own first pass.
    maxRecursiveSelections: true,
    validationRules: [documentLimitsRule(config.graphql)],
    persistedQueries: false,
    // Nest would reset every response with `data` to 200, and so undo the 429 of a rate limit
    // (requestStatusPlugin); other execution errors stay 200 as GraphQL expects.
    preserveHttpStatusForExecutionErrors: false,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: StrictDateTime }] },
    transformSchema: (built: GraphQLSchema) => {
      schema = built;
      return built;
    },
    plugins: [
      // The cache-control plugin wraps every resolver; Waypoint sets no cache hints.
      ApolloServerPluginCacheControlDisabled(),
      config.isProduction ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: false }),
      costLimitPlugin(() => schema!, config.graphql.maxComplexity),
      requestStatusPlugin(),
      errorLoggingPlugin(logger),
    ],
    context: ({ req, reply }: Pick<GraphQLContext, 'req' | 'reply'>): GraphQLContext => ({ req, reply }),
  };
}
