import { errorCode, startTestApp, type GraphQLResponse, type TestApp } from './support/app';
import { buildWorld, PASSWORD, type World } from './support/operations';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
const VERIFY = 'query($c: String!) { verifyCompletion(code: $c) { status } }';

/** A GraphQL call as if from `client` (an address behind the trusted proxy), with the response headers. */
async function from(t: TestApp, client: string | undefined, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(client ? { 'x-forwarded-for': client } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GraphQLResponse;
  return { status: res.status, retryAfter: Number(res.headers.get('retry-after')), errors: body.errors, data: body.data, code: errorCode(body as GraphQLResponse) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sign-in failures, per account and client (ASVS 2.2.1)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: '127.0.0.1', LOGIN_MAX_FAILURES: '3', LOGIN_BASE_DELAY: '3s', LOGIN_LOCKOUT: '15m' });
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  it('an attacker at one address cannot lock the owner out at another, and a correct password never extends a delay', async () => {
    const attacker = '203.0.113.7';
    for (let i = 0; i < 3; i++) expect((await from(t, attacker, LOGIN, { e: w.clinician.email, p: `guess ${i}` })).code).toBe('UNAUTHENTICATED');
    const delayed = await from(t, attacker, LOGIN, { e: w.clinician.email, p: 'guess 4' });
    expect(delayed).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(delayed.retryAfter).toBeGreaterThanOrEqual(1);
    expect(delayed.retryAfter).toBeLessThanOrEqual(3);

    // The right password from the attacker's address during the delay is refused and changes nothing.
    const during = await from(t, attacker, LOGIN, { e: w.clinician.email, p: PASSWORD });
    expect(during.code).toBe('RATE_LIMITED');
    expect(during.retryAfter).toBeLessThanOrEqual(delayed.retryAfter);

    // The owner, elsewhere, is not affected.
    const owner = await from(t, '198.51.100.20', LOGIN, { e: w.clinician.email, p: PASSWORD });
    expect(owner.data?.login.accessToken).toEqual(expect.any(String));

    // Once it has passed, a further failure waits twice as long.
    await sleep(delayed.retryAfter * 1000 + 200);
    expect((await from(t, attacker, LOGIN, { e: w.clinician.email, p: 'guess 5' })).code).toBe('UNAUTHENTICATED');
    const longer = await from(t, attacker, LOGIN, { e: w.clinician.email, p: 'guess 6' });
    expect(longer.code).toBe('RATE_LIMITED');
    expect(longer.retryAfter).toBeGreaterThan(3);
  });

  it('answers the same for an address with an account and one without', async () => {
    const client = '203.0.113.8';
    const answers = [];
    for (const e of [w.staff.email, 'nobody-at-all@example.test']) {
      for (let i = 0; i < 3; i++) await from(t, client, LOGIN, { e, p: 'wrong' });
      answers.push(await from(t, client, LOGIN, { e, p: 'wrong' }));
    }
    expect(answers.map((a) => a.code)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    expect(answers[0].errors?.[0].message).toBe(answers[1].errors?.[0].message);
  });

  it('a success clears the count for that client', async () => {
    const client = '203.0.113.9';
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) expect((await from(t, client, LOGIN, { e: w.patient.email, p: 'wrong' })).code).toBe('UNAUTHENTICATED');
      expect((await from(t, client, LOGIN, { e: w.patient.email, p: PASSWORD })).data?.login.accessToken).toEqual(expect.any(String));
    }
  });
});

describe('per-client rate limits on the public operations', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: '127.0.0.1', RATE_LIMIT_LOGIN: '3', RATE_LIMIT_PUBLIC: '4', RATE_LIMIT_PASSWORD_RESET: '2', RATE_LIMIT_WINDOW: '1h' });
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  it('login: 429 RATE_LIMITED with Retry-After past the limit, for that client only', async () => {
    const client = '192.0.2.10';
    for (let i = 0; i < 3; i++) expect((await from(t, client, LOGIN, { e: `sprayed-${i}@example.test`, p: 'Winter2026!' })).code).toBe('UNAUTHENTICATED');
    const limited = await from(t, client, LOGIN, { e: w.admin.email, p: PASSWORD });
    expect(limited).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(limited.retryAfter).toBeGreaterThan(0);
    expect(limited.errors?.[0].message).toMatch(/Wait \d+ minutes?/);
    expect((await from(t, '192.0.2.11', LOGIN, { e: w.admin.email, p: PASSWORD })).data?.login.accessToken).toEqual(expect.any(String));
  });

  it('verifyCompletion and GET /verify/:code share one count per client', async () => {
    const client = '192.0.2.20';
    for (let i = 0; i < 2; i++) expect((await from(t, client, VERIFY, { c: `NOPE-${i}` })).data?.verifyCompletion.status).toBe('UNKNOWN');
    for (let i = 0; i < 2; i++) expect((await fetch(`${t.url}/verify/NOPE-${i}`, { headers: { 'x-forwarded-for': client } })).status).toBe(200);
    const page = await fetch(`${t.url}/verify/NOPE-9`, { headers: { 'x-forwarded-for': client } });
    expect(page.status).toBe(429);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await page.json()) as GraphQLResponse).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect((await from(t, client, VERIFY, { c: 'NOPE-10' })).status).toBe(429);
  });

  it('acceptInvite and refreshSession are limited too', async () => {
    const client = '192.0.2.30';
    const accept = 'mutation($i: AcceptInviteInput!) { acceptInvite(input: $i) { accessToken } }';
    const input = { code: 'not-a-real-invite-code', email: 'x@example.test', password: 'a long enough passphrase', displayName: 'X' };
    for (let i = 0; i < 4; i++) expect((await from(t, client, accept, { i: input })).code).toBe('BAD_USER_INPUT');
    expect((await from(t, client, accept, { i: input })).status).toBe(429);
    const refresh = 'mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }';
    for (let i = 0; i < 4; i++) expect((await from(t, client, refresh, { r: 'not-a-token' })).code).toBe('UNAUTHENTICATED');
    expect((await from(t, client, refresh, { r: 'not-a-token' })).status).toBe(429);
  });

  it('requestPasswordReset and resetPassword share their own count per client', async () => {
    const client = '192.0.2.50';
    const request = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
    const reset = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';
    expect((await from(t, client, request, { e: w.staff.email })).data?.requestPasswordReset).toBe(true);
    expect((await from(t, client, reset, { t: 'not-a-token', p: 'a long enough passphrase' })).code).toBe('BAD_USER_INPUT');
    expect((await from(t, client, request, { e: 'nobody@example.test' })).status).toBe(429);
    expect((await from(t, '192.0.2.51', request, { e: w.staff.email })).data?.requestPasswordReset).toBe(true);
  });

  it('hold across instances: the count is kept in MongoDB', async () => {
    const other = await startTestApp({ TRUST_PROXY: '127.0.0.1', RATE_LIMIT_LOGIN: '3', RATE_LIMIT_PUBLIC: '4', RATE_LIMIT_WINDOW: '1h' }, { dbName: t.dbName });
    try {
      const client = '192.0.2.40';
      expect((await from(t, client, LOGIN, { e: 'a@example.test', p: 'x' })).code).toBe('UNAUTHENTICATED');
      expect((await from(other, client, LOGIN, { e: 'b@example.test', p: 'x' })).code).toBe('UNAUTHENTICATED');
      expect((await from(t, client, LOGIN, { e: 'c@example.test', p: 'x' })).code).toBe('UNAUTHENTICATED');
      expect((await from(other, client, LOGIN, { e: 'd@example.test', p: 'x' })).status).toBe(429);
    } finally {
      await other.app.close();
    }
  });
});

describe('the client address', () => {
  it('is the socket address unless TRUST_PROXY names the proxy: a forged X-Forwarded-For buys nothing', async () => {
    const t = await startTestApp({ RATE_LIMIT_LOGIN: '2', RATE_LIMIT_WINDOW: '1h' });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await from(t, `10.9.8.${i}`, LOGIN, { e: 'forger@example.test', p: 'x' })).code);
      expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
    } finally {
      await t.close();
    }
  });
});
