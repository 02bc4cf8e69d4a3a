/** Handshake, diagnostics and server-level commands. */
import os from 'node:os';
import { MongoCommandError } from '../errors';
import { compileFilter } from '../query';
import type { Doc } from '../values';
import { boolArg, type CommandContext, type CommandHandler, docArg } from './context';

export const ENGINE_VERSION = '7.0.0';

/**
 * A standalone server: no setName, and no topologyVersion, so the driver polls with
 * plain hello instead of switching to streaming (exhaust) monitoring.
 */
function helloReply(ctx: CommandContext, legacy: boolean): Doc {
  return {
    ...(legacy ? { ismaster: true } : { isWritablePrimary: true }),
    helloOk: true,
    maxBsonObjectSize: ctx.server.limits.maxBsonObjectSize,
    maxMessageSizeBytes: ctx.server.limits.maxMessageSizeBytes,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: ctx.connection.id,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ok: 1,
  };
}

function uptimeSeconds(ctx: CommandContext): number {
  return (Date.now() - ctx.server.startedAt) / 1000;
}

const PARAMETERS: Record<string, unknown> = {
  featureCompatibilityVersion: { version: '7.0' },
  authenticationMechanisms: [],
  requireApiVersion: false,
  transactionLifetimeLimitSeconds: 60,
  maxTransactionLockRequestTimeoutMillis: 5,
  internalQueryMaxBlockingSortMemoryUsageBytes: 104857600,
};

export const adminCommands: Record<string, CommandHandler> = {
  hello: (_cmd, ctx) => helloReply(ctx, false),
  isMaster: (_cmd, ctx) => helloReply(ctx, true),
  ismaster: (_cmd, ctx) => helloReply(ctx, true),
  ping: () => ({ ok: 1 }),
  buildInfo: (_cmd, ctx) => ({
    version: ENGINE_VERSION,
    gitVersion: 'waypoint-embedded',
    versionArray: [7, 0, 0, 0],
    waypointEmbedded: true,
    engine: 'Waypoint embedded in-memory engine (not MongoDB; data is not persisted)',
    bits: 64,
    debug: false,
    maxBsonObjectSize: ctx.server.limits.maxBsonObjectSize,
    storageEngines: ['waypoint-embedded-memory'],
    javascriptEngine: 'none',
    modules: [],
    openssl: { running: 'disabled' },
    ok: 1,
  }),
  getParameter: (cmd) => {
    const all = cmd.getParameter === '*' || (typeof cmd.getParameter === 'object' && cmd.getParameter !== null && (cmd.getParameter as Doc).allParameters === true);
    if (all) return { ...PARAMETERS, ok: 1 };
    const reply: Doc = {};
    for (const key of Object.keys(cmd)) {
      if (key === 'getParameter' || key.startsWith('$') || key === 'lsid' || key === 'comment') continue;
      if (!(key in PARAMETERS)) throw new MongoCommandError('InvalidOptions', 'no option found to get');
      reply[key] = PARAMETERS[key];
    }
    if (Object.keys(reply).length === 0) throw new MongoCommandError('InvalidOptions', 'no option found to get');
    return { ...reply, ok: 1 };
  },
  serverStatus: (_cmd, ctx) => ({
    host: `${os.hostname()}:${ctx.server.port}`,
    version: ENGINE_VERSION,
    process: 'waypoint-embedded',
    pid: process.pid,
    uptime: Math.floor(uptimeSeconds(ctx)),
    uptimeMillis: Date.now() - ctx.server.startedAt,
    uptimeEstimate: Math.floor(uptimeSeconds(ctx)),
    localTime: new Date(),
    connections: { current: ctx.server.connections.current, available: 1_000_000, totalCreated: ctx.server.connections.totalCreated },
    metrics: { cursor: { open: { total: ctx.server.cursors.openCount } } },
    storageEngine: { name: 'waypoint-embedded-memory', persistent: false },
    ok: 1,
  }),
  hostInfo: () => ({
    system: {
      currentTime: new Date(),
      hostname: os.hostname(),
      cpuAddrSize: 64,
      memSizeMB: Math.round(os.totalmem() / 1024 / 1024),
      numCores: os.cpus().length,
      cpuArch: os.arch(),
    },
    os: { type: os.type(), name: os.platform(), version: os.release() },
    extra: {},
    ok: 1,
  }),
  getCmdLineOpts: () => ({ argv: ['waypoint-embedded'], parsed: {}, ok: 1 }),
  whatsmyuri: (_cmd, ctx) => ({ you: `${ctx.connection.remoteAddress}:${ctx.connection.remotePort}`, ok: 1 }),
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
  getLog: (cmd) => {
    if (cmd.getLog === '*') return { names: ['global', 'startupWarnings'], ok: 1 };
    return { totalLinesWritten: 0, log: [], ok: 1 };
  },
  endSessions: () => ({ ok: 1 }),
  killSessions: () => ({ ok: 1 }),
  killAllSessions: () => ({ ok: 1 }),
  refreshSessions: () => ({ ok: 1 }),
  commitTransaction: () => {
    throw transactionsUnsupported();
  },
  abortTransaction: () => {
    throw transactionsUnsupported();
  },
  listDatabases: (cmd, ctx) => {
    const filter = docArg(cmd, 'filter');
    const matcher = compileFilter(filter);
    const nameOnly = boolArg(cmd, 'nameOnly');
    const databases: Doc[] = [];
    for (const name of ctx.server.storage.databaseNames()) {
      const entry: Doc = nameOnly ? { name } : { name, sizeOnDisk: 0, empty: false };
      if (matcher(entry)) databases.push(entry);
    }
    return nameOnly ? { databases, ok: 1 } : { databases, totalSize: 0, totalSizeMb: 0, ok: 1 };
  },
  dropDatabase: (_cmd, ctx) => {
    ctx.server.storage.dropDatabase(ctx.dbName);
    return { ok: 1 };
  },
};

export function transactionsUnsupported(): MongoCommandError {
  return new MongoCommandError(
    'IllegalOperation',
    'Transaction numbers are only allowed on a replica set member or mongos: the Waypoint embedded engine is a standalone server and does not support transactions',
  );
}
