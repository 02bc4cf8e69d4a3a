import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../src/auth/principal';
import { errorCode, expectData, startTestApp, type TestApp } from './support/app';
import { buildWorld, ops, PASSWORD, type World } from './support/operations';

/** A stand-in for web/dist: the test checks how the service serves an app, not the app itself. */
function fakeWebBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'waypoint-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Learning</title><div id="root"></div>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  // The build writes compressed copies beside each asset (web/vite.config.ts).
  writeFileSync(join(root, 'assets', 'index-abc123.js.br'), brotliCompressSync('console.log(1)'));
  writeFileSync(join(root, 'assets', 'index-abc123.js.gz'), gzipSync('console.log(1)'));
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp({ WEB_ROOT: fakeWebBuild() });
  w = await buildWorld(t);
});
afterAll(() => t?.close());

const CSRF = { 'x-waypoint-csrf': '1', 'content-type': 'application/json' };

async function post(path: string, body: unknown, headers: Record<string, string> = CSRF) {
  const res = await fetch(`${t.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { res, body: (await res.json()) as Record<string, any>, cookie: res.headers.get('set-cookie') ?? '' };
}

function refreshCookie(setCookie: string): string {
  return /waypoint_refresh=[^;]*/.exec(setCookie)![0];
}

describe('browser sessions', () => {
  it('sign-in sets the refresh token only as an HttpOnly, Secure, SameSite=Strict cookie', async () => {
    const { res, body, cookie } = await post('/session/sign-in', { email: w.patient.email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(body.accessToken).toEqual(expect.any(String));
    expect(body.user).toMatchObject({ id: w.patient.id, role: 'PATIENT' });
    expect(body).not.toHaveProperty('refreshToken');
    expect(cookie).toMatch(/^waypoint_refresh=[^;]+; Path=\/session; Expires=[^;]+; HttpOnly; Secure; SameSite=Strict$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(expectData(await ops.me(t, body.accessToken)).me.id).toBe(w.patient.id);
  });

  it.each(['/session/sign-in', '/session/refresh', '/session/sign-out', '/session/accept-invite'])('%s refuses a request without the CSRF header (a cross-site form cannot add it)', async (path) => {
    const { res, body } = await post(path, { email: w.patient.email, password: PASSWORD }, { 'content-type': 'application/json' });
    expect(res.status).toBe(403);
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refresh rotates the cookie; the old cookie then no longer works', async () => {
    const signIn = await post('/session/sign-in', { email: w.staff.email, password: PASSWORD });
    const first = refreshCookie(signIn.cookie);
    const refreshed = await post('/session/refresh', {}, { ...CSRF, cookie: first });
    expect(refreshed.res.status).toBe(200);
    expect(refreshed.body.user.id).toBe(w.staff.id);
    const second = refreshCookie(refreshed.cookie);
    expect(second).not.toBe(first);
    const replay = await post('/session/refresh', {}, { ...CSRF, cookie: first });
    expect(replay.res.status).toBe(401);
    expect(replay.cookie).toMatch(/waypoint_refresh=;/); // cleared
  });

  it('refresh without a cookie answers UNAUTHENTICATED', async () => {
    const { res, body } = await post('/session/refresh', {});
    expect(res.status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a wrong password is refused with the same message as the GraphQL sign-in', async () => {
    const { res, body } = await post('/session/sign-in', { email: w.family.email, password: 'not the password' });
    const viaGraphql = await ops.login(t, w.family.email, 'not the password');
    expect(res.status).toBe(401);
    expect(body.errors[0].message).toBe(viaGraphql.errors?.[0].message);
  });

  it('sign-out ends this session; sign-out everywhere ends every session of the account', async () => {
    const a = refreshCookie((await post('/session/sign-in', { email: w.clinician.email, password: PASSWORD })).cookie);
    const b = refreshCookie((await post('/session/sign-in', { email: w.clinician.email, password: PASSWORD })).cookie);
    const c = refreshCookie((await post('/session/sign-in', { email: w.clinician.email, password: PASSWORD })).cookie);
    const out = await post('/session/sign-out', {}, { ...CSRF, cookie: a });
    expect(out.res.status).toBe(200);
    expect(out.cookie).toMatch(/waypoint_refresh=;/);
    expect((await post('/session/refresh', {}, { ...CSRF, cookie: a })).res.status).toBe(401);
    expect((await post('/session/sign-out', { everywhere: true }, { ...CSRF, cookie: b })).res.status).toBe(200);
    expect((await post('/session/refresh', {}, { ...CSRF, cookie: c })).res.status).toBe(401);
    // Everywhere means every session: the access token from the clinician's GraphQL sign-in
    // stops too, within the one second every instance takes to learn of it.
    const deadline = Date.now() + 1500;
    let code = errorCode(await ops.me(t, w.clinician.token));
    while (code !== 'UNAUTHENTICATED' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      code = errorCode(await ops.me(t, w.clinician.token));
    }
    expect(code).toBe('UNAUTHENTICATED');
  });

  it('accepting an invite signs the new person in with the cookie', async () => {
    const email = `web-invitee-${Date.now()}@example.test`;
    const clinicianToken = expectData(await ops.login(t, w.clinician.email, PASSWORD)).login.accessToken;
    const { code } = expectData(await ops.createInvite(t, clinicianToken, { role: Role.PATIENT, email })).createInvite;
    const { res, body, cookie } = await post('/session/accept-invite', { code, email, password: PASSWORD, displayName: 'Web Invitee' });
    expect(res.status).toBe(200);
    expect(body.user.displayName).toBe('Web Invitee');
    expect(cookie).toMatch(/HttpOnly; Secure; SameSite=Strict/);
  });
});

describe('the web app at /', () => {
  const get = (path: string, accept = 'text/html') => fetch(`${t.url}${path}`, { headers: { accept } });

  it('serves the HTML shell uncached, at / and for any app route (history fallback)', async () => {
    for (const path of ['/', '/invite/abc123', '/courses/x/lessons/y', '/certificates', '/privacy?x=1']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('caches hashed assets for a year as immutable', async () => {
    const res = await get('/assets/index-abc123.js', '*/*');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('sends the compressed copy to a browser that accepts it, and the plain file otherwise', async () => {
    const url = `${t.url}/assets/index-abc123.js`;
    const br = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    const raw = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    expect(raw.headers.get('content-encoding')).toBeNull();
    expect(await raw.text()).toBe('console.log(1)');
    // fetch() decodes brotli itself: the body that arrives is the script.
    expect(await br.text()).toBe('console.log(1)');
  });

  it('leaves the API and service routes as they were', async () => {
    expect(((await (await get('/health', 'application/json')).json()) as { status: string }).status).toBe('ok');
    expect(await (await get('/verify/NOPE-NOPE', 'text/html')).text()).not.toContain('<div id="root">');
    expect(errorCode(await t.gql('{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect((await get('/missing-file.js', '*/*')).status).toBe(404);
    expect((await get('/certificates/NOPE.pdf')).status).not.toBe(200);
  });
});
