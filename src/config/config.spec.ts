import { ConfigError, loadConfig, parseDurationSeconds, servedBaseUrl } from './config';

describe('configuration', () => {
  it('has working defaults for development', () => {
    const config = loadConfig({}, () => 'generated-secret');
    expect(config).toMatchObject({ nodeEnv: 'development', port: 3000, database: { mode: 'auto', dbName: 'waypoint', monitorCommands: false }, seedDemo: true });
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
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), MONGODB_URI: 'mongodb://db' }, 'SMTP_URL: required when NODE_ENV=production'],
    [{ SMTP_URL: 'http://mail.example' }, 'SMTP_URL: expected smtp://'],
    [{ MAIL_FROM: 'not an address' }, 'MAIL_FROM: expected an address'],
  ])('rejects %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(message);
  });

  it('takes the sender address out of MAIL_FROM (the display name is set per organization)', () => {
    expect(loadConfig({ MAIL_FROM: 'Clinic <no-reply@clinic.example>', SMTP_URL: 'smtps://u:p@mail.example:465' }).mail).toEqual({
      smtpUrl: 'smtps://u:p@mail.example:465',
      fromAddress: 'no-reply@clinic.example',
    });
  });

  it.each([
    [{}, 'http://127.0.0.1:3000', true],
    [{ PORT: '8080' }, 'http://127.0.0.1:8080', true],
    [{ HOST: '0.0.0.0', PORT: '4000' }, 'http://127.0.0.1:4000', true],
    [{ HOST: '::1', PORT: '4000' }, 'http://[::1]:4000', true],
    [{ PORT: '8080', PUBLIC_BASE_URL: 'https://learn.example.org/' }, 'https://learn.example.org', false],
  ])('PUBLIC_BASE_URL for %o is %s (follows the served address: %s)', (env, url, follows) => {
    expect(loadConfig(env, () => 'secret')).toMatchObject({ publicBaseUrl: url, publicBaseUrlFromServer: follows });
  });

  it.each([
    ['0.0.0.0', 0, 'http://127.0.0.1:0'],
    ['::', 5000, 'http://[::1]:5000'],
    ['waypoint.internal', 80, 'http://waypoint.internal:80'],
  ])('serves %s:%d at %s', (host, port, url) => {
    expect(servedBaseUrl(host, port)).toBe(url);
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
