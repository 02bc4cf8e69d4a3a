import { Writable } from 'node:stream';
import pino from 'pino';
import { Role } from '../src/auth/principal';
import { errorCode, expectData, startTestApp, type TestApp } from './support/app';
import { buildWorld, ops, PASSWORD, type World } from './support/operations';

/** Everything the service logs, as parsed lines. */
function captureLogs() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ level: 'debug' }, stream), text: () => lines.map((l) => JSON.stringify(l)).join('\n') };
}

describe('logs', () => {
  const logs = captureLogs();
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'debug' }, { logger: logs.logger });
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  it('never hold a password, even one sent with the wrong type, at debug level', async () => {
    const secret = 'Sup3r-secret-passphrase-in-an-array';
    const asArray = await t.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: w.staff.email, p: [secret] });
    expect(errorCode(asArray)).toBe('BAD_USER_INPUT');
    const asObject = await t.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: w.staff.email, p: { value: secret } });
    expect(errorCode(asObject)).toBe('BAD_USER_INPUT');
    const inline = await t.gql(`mutation { login(email: "${w.staff.email}", password: ["${secret}"]) { accessToken } }`);
    expect(errorCode(inline)).toBe('BAD_USER_INPUT');
    const wrong = await ops.login(t, w.staff.email, secret);
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query":"mutation { login(email: \\"a@b.c\\", password: \\"${secret}\\") { accessToken } }"` });
    expect(logs.text()).not.toContain(secret);
    expect(logs.text()).not.toContain(PASSWORD);
  });

  it('record refused requests at info or warn without a stack, and only unexpected failures at error', async () => {
    const before = logs.lines.length;
    await t.gql('{ me { id } }');
    await t.gql('fragment A on Query { ...A } { ...A }');
    await t.gql('{ nope }');
    await t.gql(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    await fetch(`${t.url}/graphql`, { method: 'PUT' });
    const added = logs.lines.slice(before);
    const refused = added.filter((l) => l.msg === 'request refused');
    expect(refused.length).toBeGreaterThanOrEqual(6);
    expect(refused.every((l) => l.level === 30 || l.level === 40)).toBe(true);
    expect(added.filter((l) => (l.level as number) >= 50)).toEqual([]);
    expect(JSON.stringify(added)).not.toMatch(/"stack"|\n\s+at /);
  });
});

describe('an in-memory database is never a surprise', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp({}, { backend: 'embedded' });
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  it('says so in /health and in every sign-in response', async () => {
    const health = (await (await fetch(`${t.url}/health`)).json()) as { warning?: string; database: { inMemory: boolean } };
    expect(health.database.inMemory).toBe(true);
    expect(health.warning).toMatch(/lost when the service stops/);
    const login = await t.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { storageWarning } }', { e: w.staff.email, p: PASSWORD });
    expect(expectData(login).login.storageWarning).toMatch(/lost when the service stops/);
    const refreshed = await t.gql('mutation($t: String!) { refreshSession(refreshToken: $t) { storageWarning } }', { t: w.staff.refreshToken });
    expect(expectData(refreshed).refreshSession.storageWarning).toMatch(/in memory/);
  });

  it('is silent about it on a real MongoDB', async () => {
    const real = await startTestApp();
    try {
      const health = (await (await fetch(`${real.url}/health`)).json()) as { warning?: string };
      expect(health.warning).toBeUndefined();
    } finally {
      await real.close();
    }
  });
});

describe('invites', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  it('answer a wrong email and a wrong code alike, so neither can be confirmed', async () => {
    const email = 'invited-person@example.test';
    const { code } = expectData(await ops.createInvite(t, w.clinician.token, { role: Role.PATIENT, email, displayName: 'Ivy' })).createInvite;
    const wrongEmail = await ops.acceptInvite(t, { code, email: 'someone-else@example.test', password: PASSWORD, displayName: 'Ivy' });
    const wrongCode = await ops.acceptInvite(t, { code: `${code.slice(0, -2)}xx`, email, password: PASSWORD, displayName: 'Ivy' });
    expect(errorCode(wrongEmail)).toBe('BAD_USER_INPUT');
    expect(wrongEmail.errors?.[0]).toEqual(wrongCode.errors?.[0]);
    // The right pair still works afterwards.
    expect(expectData(await ops.acceptInvite(t, { code, email, password: PASSWORD, displayName: 'Ivy' })).acceptInvite.user.email).toBe(email);
  });
});
