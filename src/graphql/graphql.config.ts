import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphQLSchema } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config';
import type { GraphQLContext } from './context';
import { formatGraphQLError } from './format-error';
import { complexityLimitPlugin, errorLoggingPlugin } from './plugins';

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
    validationRules: [depthLimit(config.graphql.maxDepth)],
    transformSchema: (built: GraphQLSchema) => {
      schema = built;
      return built;
    },
    plugins: [
      // The cache-control plugin wraps every resolver; Waypoint sets no cache hints.
      ApolloServerPluginCacheControlDisabled(),
      config.isProduction ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: false }),
      complexityLimitPlugin(() => schema!, config.graphql.maxComplexity),
      errorLoggingPlugin(logger),
    ],
    context: ({ req, reply }: Pick<GraphQLContext, 'req' | 'reply'>): GraphQLContext => ({ req, reply, loaders: new Map() }),
  };
}
