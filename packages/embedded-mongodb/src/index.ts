/**
 * The embedded MongoDB-wire-compatible engine: an in-process, in-memory server
 * for development, tests and demos on machines that cannot run `mongod`.
 * Clients reach it only through the real `mongodb` driver (or Mongoose) at `uri`.
 * See README.md in this package for what it supports and what it does not.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_LIMITS, type EngineLimits } from './limits';
import { EmbeddedServer, type ListenAddress, type Logger } from './server';

export type { EngineLimits } from './limits';
export type { Logger } from './server';

export { planOf } from './plan-summary';

export interface EmbeddedMongoOptions {
  /**
   * `socket` (the default): a Unix domain socket in a fresh directory only this OS user
   * can open (mode 0700), so no other local account can reach the data. `tcp`: `host`
   * and `port`, for tools that cannot use a socket path; any local process can connect.
   */
  listen?: 'socket' | 'tcp';
  /** TCP interface; default 127.0.0.1. */
  host?: string;
  /** TCP port; default 0 (an ephemeral port). */
  port?: number;
  /** Overrides of MongoDB's limits and the engine's buffering limits (see limits.ts). */
  limits?: Partial<EngineLimits>;
  /** How often expired TTL-indexed documents are deleted; default 60,000 ms, as mongod. */
  ttlMonitorIntervalMs?: number;
  logger?: Logger;
}

export interface EmbeddedMongo {
  /** `mongodb://%2Ftmp%2F...%2Fmongodb.sock` for a socket, `mongodb://127.0.0.1:PORT` for TCP. */
  readonly uri: string;
  /** The Unix domain socket's path, when listening on one. */
  readonly socketPath?: string;
  /** The TCP port, when listening on TCP. */
  readonly port?: number;
  /** Deletes expired TTL-indexed documents now, as the monitor does on its interval; returns how many. */
  expireTtlDocuments(): number;
  stop(): Promise<void>;
}

const defaultLogger: Logger = {
  info: () => undefined,
  warn: (msg) => console.warn(msg),
  error: (msg) => console.error(msg),
};

export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  const logger = options.logger ?? defaultLogger;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const ttlMonitorIntervalMs = options.ttlMonitorIntervalMs ?? 60_000;
  // mkdtemp creates the directory with mode 0700: only this user can reach the socket inside.
  const socketDir = options.listen === 'tcp' ? undefined : await mkdtemp(path.join(os.tmpdir(), 'waypoint-mongo-'));
  const address: ListenAddress = socketDir
    ? { path: path.join(socketDir, 'mongodb.sock') }
    : { host: options.host ?? '127.0.0.1', port: options.port ?? 0 };
  const server = new EmbeddedServer(address, { limits, ttlMonitorIntervalMs, logger });
  let port: number;
  try {
    port = await server.listen();
  } catch (error) {
    if (socketDir) await rm(socketDir, { recursive: true, force: true });
    throw error;
  }
  const uri =
    'path' in address
      ? `mongodb://${encodeURIComponent(address.path)}`
      : `mongodb://${address.host.includes(':') ? `[${address.host}]` : address.host}:${port}`;
  const where = 'path' in address ? `Unix socket ${address.path} (this user only)` : `${uri} (TCP: any local process can connect)`;
  logger.info(`embedded mongo: listening on ${where}; in-memory only: data is lost when the process stops`);
  let stopped: Promise<void> | undefined;
  return {
    uri,
    ...('path' in address ? { socketPath: address.path } : { port }),
    expireTtlDocuments: () => server.expireTtlDocuments(),
    stop: () => {
      stopped ??= server
        .stop()
        .then(() => (socketDir ? rm(socketDir, { recursive: true, force: true }) : undefined))
        .then(() => logger.info(`embedded mongo: stopped ${uri}`));
      return stopped;
    },
  };
}
