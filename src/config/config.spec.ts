import { ConfigError, loadConfig, parseDurationSeconds } from './config';

describe('configuration', () => {
  it('has working defaults for development', () => {
    const config = loadConfig({}, () => 'generated-secret');
    expect(config).toMatchObject({ nodeEnv: 'development', port: 3000, database: { mode: 'auto', dbName: 'waypoint' }, seedDemo: true });
    expect(config.auth).toMatchObject({ jwtSecret: 'generated-secret', jwtSecretGenerated: true, accessTtlSeconds: 900 });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ MONGODB_URI: 'postgres://x' }, 'MONGODB_URI: expected a mongodb:// or mongodb+srv:// connection string'],
    [{ DATABASE_MODE: 'sqlite' }, 'DATABASE_MODE'],
    [{ DATABASE_MODE: 'uri' }, 'MONGODB_URI: required when DATABASE_MODE=uri'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET: must be at least 32 characters'],
    [{ JWT_ACCESS_TTL: '15 minutes' }, 'JWT_ACCESS_TTL: expected a duration'],
    [{ NODE_ENV: 'production', MONGODB_URI: 'mongodb://db' }, 'JWT_SECRET: required when NODE_ENV=production'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }, 'MONGODB_URI: required when NODE_ENV=production'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATABASE_MODE: 'embedded' }, 'DATABASE_MODE: embedded keeps data in memory'],
  ])('rejects %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(message);
  });

  it.each([
    ['900s', 900],
    ['15m', 900],
    ['12h', 43200],
    ['30d', 2592000],
  ])('reads the duration %s as %d seconds', (text, seconds) => {
    expect(parseDurationSeconds(text)).toBe(seconds);
  });
});
