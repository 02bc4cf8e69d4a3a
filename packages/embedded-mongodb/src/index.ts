/**
 * The embedded MongoDB-wire-compatible engine: an in-process, in-memory server
 * for development, tests and demos on machines that cannot run `mongod`.
 * Clients reach it only through the real `mongodb` driver (or Mongoose) at `uri`.
 * See README.md in this folder for what it supports and what it does not.
 */
import { EmbeddedServer, type Logger } from './server';

export interface EmbeddedMongoOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** TCP port; default 0 (an ephemeral port). */
  port?: number;
  logger?: Logger;
}

export interface EmbeddedMongo {
  /** `mongodb://127.0.0.1:PORT` */
  readonly uri: string;
  readonly port: number;
  stop(): Promise<void>;
}

const defaultLogger: Logger = {
  info: () => undefined,
  warn: (msg) => console.warn(msg),
  error: (msg) => console.error(msg),
};

export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? defaultLogger;
  const server = new EmbeddedServer(host, options.port ?? 0, logger);
  const port = await server.listen();
  const uri = `mongodb://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info(`embedded mongo: listening on ${uri} (in-memory only: data is lost when the process stops)`);
  let stopped: Promise<void> | undefined;
  return {
    uri,
    port,
    stop: () => {
      stopped ??= server.stop().then(() => logger.info(`embedded mongo: stopped ${uri}`));
      return stopped;
    },
  };
}
