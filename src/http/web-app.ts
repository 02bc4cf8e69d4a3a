import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the web app never owns: the API and the service's own HTTP routes keep answering them. */
const SERVICE_PATHS = /^\/(graphql|health|session|verify|issuers|completion-records|\.well-known|bench)(\/|\.|$|\?)|^\/certificates\//;

/**
 * Serves the built learner app (web/dist) at `/`. Vite names every asset by its
 * content hash, so assets are cached for a year as immutable; the HTML shell is
 * `no-store`, so a new deployment is picked up on the next load. Any other GET
 * that asks for HTML gets the shell (history fallback), so deep links such as
 * /invite/:code work on reload.
 */
export async function serveWebApp(fastify: FastifyInstance, root: string): Promise<boolean> {
  const indexPath = join(root, 'index.html');
  if (!existsSync(indexPath)) return false;
  const shell = readFileSync(indexPath);
  await fastify.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    serveDotFiles: false,
    // The build writes .br and .gz beside each text asset (web/vite.config.ts): sent to
    // browsers that accept them, with no compression work per request.
    preCompressed: true,
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendShell = (_req: unknown, reply: FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('x-frame-options', 'DENY')
      .send(shell);
  fastify.get('/', sendShell);
  fastify.get('/*', (req, reply) => {
    const path = req.url;
    const wantsHtml = String(req.headers.accept ?? '').includes('text/html');
    if (SERVICE_PATHS.test(path) || !wantsHtml || /\.[a-z0-9]{2,5}(\?|$)/i.test(path.split('?')[0])) {
      return reply.callNotFound();
    }
    return sendShell(req, reply);
  });
  return true;
}
