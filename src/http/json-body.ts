import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BadInput } from '../common/errors';
import { errorBody } from './http-error.filter';

/**
 * Request bodies are JSON or nothing. Fastify's JSON parser answers bad JSON
 * with the parser's own message, which quotes the body back (it may hold a
 * password), and its text parser would hand GraphQL a string; so every body
 * that is not JSON is refused with 415 before any parser runs, and bad JSON
 * gets a message of our own. The error filter shapes both.
 */
export function acceptJsonBodiesOnly(instance: FastifyInstance): void {
  instance.addHook('onRequest', async (request) => {
    const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (hasBody && mediaType !== 'application/json') {
      throw new HttpException('unsupported media type', HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }
  });
  instance.removeContentTypeParser('application/json');
  instance.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(new BadInput('The request body is empty; send a JSON object.'), undefined);
    try {
      done(null, JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value)));
    } catch {
      done(new BadInput('The request body is not valid JSON.'), undefined);
    }
  });
}

/** Fastify's answer to a URL it cannot decode, in the same shape as every other error. */
export function frameworkErrors(_error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void reply.code(400).header('cache-control', 'no-store').send(errorBody('BAD_USER_INPUT', 'This address is not valid: check how it is encoded.'));
}
