import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { RateLimitBucket } from '../rate-limit/rate-limit';

/**
 * Every setting the service reads, validated once at start-up. A bad value stops
 * the process with a message naming the variable, instead of failing later in a
 * request. The README's configuration table mirrors this schema.
 */
const duration = z.string().regex(/^\d+(ms|s|m|h|d)$/, 'expected a duration such as 900s, 15m, 12h or 30d');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_MODE: z.enum(['auto', 'uri', 'memory-server', 'embedded']).default('auto'),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// or mongodb+srv:// connection string').optional(),
  MONGODB_DB_NAME: z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ and - only').default('waypoint'),
  MONGODB_MONITOR_COMMANDS: z.enum(['true', 'false']).default('false'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters (use a random secret)').optional(),
  JWT_ACCESS_TTL: duration.default('15m'),
  REFRESH_TOKEN_TTL: duration.default('30d'),
  INVITE_TTL: duration.default('7d'),
  EMERGENCY_ACCESS_TTL: duration.default('60m'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCKOUT: duration.default('15m'),
  LOGIN_BASE_DELAY: duration.default('30s'),
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).max(100000).default(50),
  RATE_LIMIT_WINDOW: duration.default('1m'),
  RATE_LIMIT_LOGIN: z.coerce.number().int().min(1).max(1000000).default(10),
  RATE_LIMIT_PUBLIC: z.coerce.number().int().min(1).max(1000000).default(30),
  RATE_LIMIT_PASSWORD_RESET: z.coerce.number().int().min(1).max(1000000).default(5),
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^[0-9A-Fa-f.:/]+(\s*,\s*[0-9A-Fa-f.:/]+)*$/, 'a comma-separated list of proxy addresses or CIDR ranges, such as 10.0.0.5 or 10.0.0.0/8')
    .optional(),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).max(100000).default(2000),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(20000).default(5000),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(30),
  GRAPHQL_MAX_ROOT_FIELDS: z.coerce.number().int().min(1).max(1000).default(20),
  GRAPHQL_MAX_SELECTIONS: z.coerce.number().int().min(10).max(100000).default(2000),
  HTTP_BODY_LIMIT: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  IMPORT_CURRICULUM: z.enum(['true', 'false']).default('true'),
  PUBLIC_BASE_URL: z.string().url().optional(),
  WEB_ROOT: z.string().min(1).default('web/dist'),
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, 'expected smtp://user:pass@host:port or smtps://user:pass@host:port').optional(),
  MAIL_FROM: z.string().trim().regex(/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'expected an address such as no-reply@clinic.example (a display name in front is ignored: each organization sets its own sender name)').default('no-reply@waypoint.invalid'),
  MAIL_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  SCHEDULER_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(5000),
  SIGNING_KEY: z.string().trim().refine((v) => ed25519PrivateKeyPem(v) !== undefined, 'expected an Ed25519 private key: PKCS#8 PEM, or its DER bytes in base64').optional(),
});

export type RawConfig = z.infer<typeof schema>;

export interface AppConfig {
  nodeEnv: RawConfig['NODE_ENV'];
  isProduction: boolean;
  host: string;
  port: number;
  logLevel: RawConfig['LOG_LEVEL'];
  /** monitorCommands: the driver emits an event per command (tests and the bench count them; it costs CPU on large replies). */
  database: { mode: RawConfig['DATABASE_MODE']; uri?: string; dbName: string; monitorCommands: boolean };
  auth: {
    jwtSecret: string;
    /** true when no JWT_SECRET was given and a per-process development secret is in use */
    jwtSecretGenerated: boolean;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    inviteTtlSeconds: number;
    /** How long an emergency-access window stays open. */
    emergencyAccessSeconds: number;
    /** Failed sign-ins per address and client before delays start. */
    loginMaxFailures: number;
    /** The longest delay after failed sign-ins. */
    lockoutSeconds: number;
    /** The first delay; it doubles after each further failure. */
    loginBaseDelaySeconds: number;
    /** Failed sign-ins per address per hour, from all clients together. */
    loginAccountMaxFailures: number;
  };
  /** Requests per client per window, for each public operation (src/rate-limit). */
  rateLimits: { windowSeconds: number; limits: Record<RateLimitBucket, number> };
  /** Proxies whose X-Forwarded-For is believed; otherwise the client is the socket's address. */
  trustProxy: string[] | false;
  graphql: { maxDepth: number; maxComplexity: number; maxTokens: number; maxAliases: number; maxRootFields: number; maxSelections: number };
  /** Largest request body accepted, in bytes; larger bodies get 413. */
  httpBodyLimit: number;
  seedDemo: boolean;
  /** Import the bundled curriculum at start (idempotent). */
  importCurriculum: boolean;
  /**
   * Where people reach the service: PUBLIC_BASE_URL, or else the address the
   * server actually listens on (filled in when it starts listening; see bootstrap.ts).
   */
  publicBaseUrl: string;
  /** true when PUBLIC_BASE_URL was not given, so publicBaseUrl follows the served address */
  publicBaseUrlFromServer: boolean;
  /** The built web app served at `/` (skipped when it has no index.html). */
  webRoot: string;
  mail: {
    /** SMTP server; undefined outside production means mail is captured (development mailbox). */
    smtpUrl?: string;
    /** The sender address; the display name is each organization's discreet sender name. */
    fromAddress: string;
  };
  /** How often each instance looks for due mail and due scheduled jobs (tests shorten them). */
  polling: { mailMs: number; schedulerMs: number };
  credentials: {
    /** Ed25519 private key (PKCS#8 PEM) that signs completion records and badges. */
    signingKeyPem: string;
    /** true when no SIGNING_KEY was given and a per-process development key is in use */
    signingKeyGenerated: boolean;
  };
}

export class ConfigError extends Error {}

export function parseDurationSeconds(value: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(value);
  if (!match) throw new ConfigError(`not a duration: ${value}`);
  const n = Number(match[1]);
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Math.max(1, Math.round(n * unit));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, generateSecret: () => string = defaultSecret): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  // Rules across variables; every problem is reported at once, so one restart fixes them all.
  const production = c.NODE_ENV === 'production';
  const problems = [
    c.DATABASE_MODE === 'uri' && !c.MONGODB_URI && 'MONGODB_URI: required when DATABASE_MODE=uri',
    production && !c.MONGODB_URI && 'MONGODB_URI: required when NODE_ENV=production (without it the service would fall back to an in-memory database)',
    production && !c.JWT_SECRET && 'JWT_SECRET: required when NODE_ENV=production',
    production && !c.SMTP_URL && 'SMTP_URL: required when NODE_ENV=production (without it invitations, password resets, reminders and care-team alerts would never leave the service)',
    production && !c.SIGNING_KEY && 'SIGNING_KEY: required when NODE_ENV=production (certificates signed with a throw-away key cannot be verified later)',
    production &&
      (c.DATABASE_MODE === 'embedded' || c.DATABASE_MODE === 'memory-server') &&
      `DATABASE_MODE: ${c.DATABASE_MODE} keeps data in memory and is not allowed when NODE_ENV=production`,
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return {
    nodeEnv: c.NODE_ENV,
    isProduction: c.NODE_ENV === 'production',
    host: c.HOST,
    port: c.PORT,
    logLevel: c.LOG_LEVEL,
    database: { mode: c.DATABASE_MODE, uri: c.MONGODB_URI, dbName: c.MONGODB_DB_NAME, monitorCommands: c.MONGODB_MONITOR_COMMANDS === 'true' },
    auth: {
      jwtSecret: c.JWT_SECRET ?? generateSecret(),
      jwtSecretGenerated: !c.JWT_SECRET,
      accessTtlSeconds: parseDurationSeconds(c.JWT_ACCESS_TTL),
      refreshTtlSeconds: parseDurationSeconds(c.REFRESH_TOKEN_TTL),
      inviteTtlSeconds: parseDurationSeconds(c.INVITE_TTL),
      emergencyAccessSeconds: parseDurationSeconds(c.EMERGENCY_ACCESS_TTL),
      loginMaxFailures: c.LOGIN_MAX_FAILURES,
      lockoutSeconds: parseDurationSeconds(c.LOGIN_LOCKOUT),
      loginBaseDelaySeconds: parseDurationSeconds(c.LOGIN_BASE_DELAY),
      loginAccountMaxFailures: c.LOGIN_ACCOUNT_MAX_FAILURES,
    },
    rateLimits: {
      windowSeconds: parseDurationSeconds(c.RATE_LIMIT_WINDOW),
      limits: { login: c.RATE_LIMIT_LOGIN, acceptInvite: c.RATE_LIMIT_PUBLIC, refreshSession: c.RATE_LIMIT_PUBLIC, verify: c.RATE_LIMIT_PUBLIC, passwordReset: c.RATE_LIMIT_PASSWORD_RESET, confirmEmail: c.RATE_LIMIT_PUBLIC },
    },
    trustProxy: c.TRUST_PROXY ? c.TRUST_PROXY.split(',').map((p) => p.trim()) : false,
    graphql: {
      maxDepth: c.GRAPHQL_MAX_DEPTH,
      maxComplexity: c.GRAPHQL_MAX_COMPLEXITY,
      maxTokens: c.GRAPHQL_MAX_TOKENS,
      maxAliases: c.GRAPHQL_MAX_ALIASES,
      maxRootFields: c.GRAPHQL_MAX_ROOT_FIELDS,
      maxSelections: c.GRAPHQL_MAX_SELECTIONS,
    },
    httpBodyLimit: c.HTTP_BODY_LIMIT,
    seedDemo: c.SEED_DEMO ? c.SEED_DEMO === 'true' : c.NODE_ENV === 'development',
    importCurriculum: c.IMPORT_CURRICULUM === 'true',
    publicBaseUrl: c.PUBLIC_BASE_URL ? c.PUBLIC_BASE_URL.replace(/\/$/, '') : servedBaseUrl(c.HOST, c.PORT),
    publicBaseUrlFromServer: !c.PUBLIC_BASE_URL,
    webRoot: resolve(c.WEB_ROOT),
    mail: { smtpUrl: c.SMTP_URL, fromAddress: /<([^>]+)>/.exec(c.MAIL_FROM)?.[1] ?? c.MAIL_FROM },
    polling: { mailMs: c.MAIL_POLL_MS, schedulerMs: c.SCHEDULER_POLL_MS },
    credentials: {
      signingKeyPem: c.SIGNING_KEY ? ed25519PrivateKeyPem(c.SIGNING_KEY)! : developmentSigningKey(),
      signingKeyGenerated: !c.SIGNING_KEY,
    },
  };
}

/**
 * The base URL of a server listening on host:port. A wildcard host (0.0.0.0, ::)
 * is not an address anyone can open, so it becomes the loopback address; behind a
 * proxy or on a network, PUBLIC_BASE_URL says the real one.
 */
export function servedBaseUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' || host === '[::]' ? '[::1]' : host;
  const bracketed = reachable.includes(':') && !reachable.startsWith('[') ? `[${reachable}]` : reachable;
  return `http://${bracketed}:${port}`;
}

function defaultSecret(): string {
  // A per-process secret: tokens stop working at restart, which is fine for development.
  return randomBytes(48).toString('base64url');
}

/** SIGNING_KEY as PKCS#8 PEM, or undefined when it is not an Ed25519 private key (PEM or base64 DER). */
function ed25519PrivateKeyPem(value: string): string | undefined {
  try {
    const key = value.startsWith('-----BEGIN')
      ? createPrivateKey(value.replace(/\\n/g, '\n'))
      : createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' });
    return key.asymmetricKeyType === 'ed25519' ? key.export({ format: 'pem', type: 'pkcs8' }).toString() : undefined;
  } catch {
    return undefined;
  }
}

function developmentSigningKey(): string {
  // A per-process key: records signed with it stop verifying when the process restarts (development only).
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export const APP_CONFIG = Symbol('APP_CONFIG');
