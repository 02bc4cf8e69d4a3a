import { request } from 'node:https';
import { DryMongoBinary, MongoMemoryServer } from 'mongodb-memory-server-core';
import { MongoBinaryDownloadUrl } from 'mongodb-memory-server-core/lib/util/MongoBinaryDownloadUrl';
import type { AppConfig } from '../config/config';
import { startEmbeddedMongo } from '@waypoint/embedded-mongodb';

export type DatabaseBackend = 'uri' | 'memory-server' | 'embedded';

export interface ResolvedDatabase {
  backend: DatabaseBackend;
  uri: string;
  /** Why this backend was chosen, in words for the start-up log and /health. */
  reason: string;
  /** Stops a server this process started; a no-op for an external MONGODB_URI. */
  stop(): Promise<void>;
}

export interface ResolveLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ResolveOptions {
  mode: AppConfig['database']['mode'];
  uri?: string;
  logger: ResolveLogger;
  /** How long a download probe may take before we call the machine offline. */
  downloadProbeMs?: number;
}

/**
 * Picks the database in the order docs/architecture.md gives: MONGODB_URI, then
 * mongodb-memory-server when a mongod binary can be had, then the embedded engine.
 * DATABASE_MODE forces one of them. The same function serves the app, the CLI and
 * the test harness, so all three behave alike on any machine.
 */
export async function resolveDatabase(options: ResolveOptions): Promise<ResolvedDatabase> {
  const { mode, uri, logger } = options;
  if (mode === 'uri' || (mode === 'auto' && uri)) {
    if (!uri) throw new Error('DATABASE_MODE=uri needs MONGODB_URI');
    return { backend: 'uri', uri, reason: 'MONGODB_URI is set', stop: async () => undefined };
  }
  if (mode === 'embedded') {
    return startEmbedded('DATABASE_MODE=embedded', logger);
  }
  const binary = await findMongodBinary(options.downloadProbeMs ?? 2000);
  if (mode === 'memory-server') {
    if (!binary.available) {
      throw new Error(`DATABASE_MODE=memory-server, but no mongod binary is available: ${binary.reason}`);
    }
    return startMemoryServer(binary.reason, logger);
  }
  if (binary.available) {
    try {
      return await startMemoryServer(binary.reason, logger);
    } catch (error) {
      logger.warn(`mongodb-memory-server failed to start (${(error as Error).message}); falling back to the embedded engine`);
      return startEmbedded(`mongodb-memory-server failed to start: ${(error as Error).message}`, logger);
    }
  }
  return startEmbedded(`no MONGODB_URI and no mongod binary (${binary.reason})`, logger);
}

interface BinaryAvailability {
  available: boolean;
  reason: string;
}

async function findMongodBinary(probeMs: number): Promise<BinaryAvailability> {
  const systemBinary = process.env.MONGOMS_SYSTEM_BINARY;
  const found = await DryMongoBinary.locateBinary(DryMongoBinary.getEnsuredOptions()).catch(() => undefined);
  if (found) {
    return { available: true, reason: systemBinary ? `MONGOMS_SYSTEM_BINARY (${found})` : `cached mongod binary (${found})` };
  }
  if (systemBinary) return { available: false, reason: `MONGOMS_SYSTEM_BINARY=${systemBinary} does not exist` };
  if (process.env.MONGOMS_RUNTIME_DOWNLOAD === 'false' || process.env.MONGOMS_RUNTIME_DOWNLOAD === '0') {
    return { available: false, reason: 'no cached binary and MONGOMS_RUNTIME_DOWNLOAD is off' };
  }
  let url: string;
  try {
    const opts = await DryMongoBinary.generateOptions();
    url = await new MongoBinaryDownloadUrl(opts).getDownloadUrl();
  } catch (error) {
    return { available: false, reason: `no download for this platform (${(error as Error).message})` };
  }
  const probe = await probeUrl(url, probeMs);
  return probe.ok
    ? { available: true, reason: `mongod downloadable from ${new URL(url).host}` }
    : { available: false, reason: `download host unreachable within ${probeMs} ms (${probe.error})` };
}

/** One HEAD request with a hard deadline, instead of the memory server's own retry loop. */
function probeUrl(url: string, timeoutMs: number): Promise<{ ok: boolean; error?: string }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ ok: false, error: 'timed out' });
    }, timeoutMs);
    const req = request(url, { method: 'HEAD' }, (res) => {
      clearTimeout(timer);
      res.resume();
      resolve({ ok: (res.statusCode ?? 500) < 400, error: `HTTP ${res.statusCode}` });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ ok: false, error: error.code ?? error.message });
    });
    req.end();
  });
}

async function startMemoryServer(reason: string, logger: ResolveLogger): Promise<ResolvedDatabase> {
  const server = await MongoMemoryServer.create();
  logger.info(`database: mongodb-memory-server (${reason}); data is in memory and lost at exit`);
  return { backend: 'memory-server', uri: server.getUri(), reason, stop: async () => void (await server.stop()) };
}

/**
 * The embedded engine listens on a Unix domain socket in a fresh directory only this OS
 * user can open (mode 0700): it has no authentication, so on TCP any local process could
 * read every learner's data. Tools that need TCP use `npm run db:embedded`.
 */
async function startEmbedded(reason: string, logger: ResolveLogger): Promise<ResolvedDatabase> {
  const engine = await startEmbeddedMongo({ listen: 'socket', logger });
  logger.warn(
    `database: EMBEDDED ENGINE on the private socket ${engine.socketPath} (${reason}). Data lives in this process's memory only and is lost at exit: ` +
      'for development, tests and demos, never production. Set MONGODB_URI to use a real MongoDB.',
  );
  return { backend: 'embedded', uri: engine.uri, reason, stop: () => engine.stop() };
}
