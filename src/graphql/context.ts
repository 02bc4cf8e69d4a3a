import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';

/**
 * What every resolver can reach. No DataLoaders: lists are loaded set-based, one query
 * per kind of data for the whole page (docs/decisions.md), so a per-request loader map
 * would have nothing to batch.
 */
export interface GraphQLContext {
  req: FastifyRequest & { user?: Principal };
  reply: FastifyReply;
}
