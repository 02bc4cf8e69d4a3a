import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';

/** What every resolver can reach. DataLoaders are built per request by the modules that own them. */
export interface GraphQLContext {
  req: FastifyRequest & { user?: Principal };
  reply: FastifyReply;
  loaders: Map<string, unknown>;
}
