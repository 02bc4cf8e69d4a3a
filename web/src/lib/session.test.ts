import { describe, expect, it } from 'vitest';
import { CSRF_HEADER, SessionManager } from './session';

const user = { id: 'u1', displayName: 'Pat', role: 'PATIENT' as const, organizationId: 'o1' };

/** A fake server for /session/*: counts refreshes and hands out tokens that expire after `ttlMs`. */
function server(options: { ttlMs?: number; signedIn?: boolean; refreshDelayMs?: number } = {}) {
  let clock = 1_000_000;
  let refreshes = 0;
  let signedIn = options.signedIn ?? true;
  const calls: { path: string; headers: Record<string, string>; body: unknown }[] = [];
  const token = () => ({ accessToken: `token-${refreshes}`, accessTokenExpiresAt: new Date(clock + (options.ttlMs ?? 900_000)).toISOString(), user });
  const http = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    calls.push({ path, headers: init?.headers as Record<string, string>, body: JSON.parse(String(init?.body ?? '{}')) });
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (path === '/session/refresh') {
      if (options.refreshDelayMs) await new Promise((r) => setTimeout(r, options.refreshDelayMs));
      if (!signedIn) return json(401, { errors: [{ message: 'You are signed out. Sign in again.', extensions: { code: 'UNAUTHENTICATED' } }] });
      refreshes++;
      return json(200, token());
    }
    if (path === '/session/sign-in') {
      const { password } = JSON.parse(String(init?.body)) as { password: string };
      if (password !== 'right') return json(401, { errors: [{ message: 'That email and password do not match.', extensions: { code: 'UNAUTHENTICATED' } }] });
      signedIn = true;
      return json(200, token());
    }
    if (path === '/session/sign-out') {
      signedIn = false;
      return json(200, { signedOut: true });
    }
    return json(404, {});
  }) as typeof fetch;
  return {
    http,
    calls,
    now: () => clock,
    advance: (ms: number) => (clock += ms),
    get refreshes() {
      return refreshes;
    },
  };
}

describe('SessionManager', () => {
  it('restores a session from the cookie on page load, and reports signed out when there is none', async () => {
    const s = server();
    const session = new SessionManager(s.http, s.now);
    expect((await session.refresh())?.user.displayName).toBe('Pat');
    const none = server({ signedIn: false });
    expect(await new SessionManager(none.http, none.now).refresh()).toBeNull();
  });

  it('sends the CSRF header with every cookie-authorized request', async () => {
    const s = server();
    const session = new SessionManager(s.http, s.now);
    await session.refresh();
    await session.signOut();
    expect(s.calls.map((c) => c.headers[CSRF_HEADER])).toEqual(['1', '1']);
  });

  it('uses the token it has until it is about to expire, then refreshes', async () => {
    const s = server({ ttlMs: 120_000 });
    const session = new SessionManager(s.http, s.now);
    await session.refresh();
    expect(await session.accessToken()).toBe('token-1');
    s.advance(60_000);
    expect(await session.accessToken()).toBe('token-1');
    s.advance(40_000); // 20 s left: within the early-refresh window
    expect(await session.accessToken()).toBe('token-2');
    expect(s.refreshes).toBe(2);
  });

  it('shares one refresh between concurrent callers (a refresh token works only once)', async () => {
    const s = server({ ttlMs: 10_000, refreshDelayMs: 20 });
    const session = new SessionManager(s.http, s.now);
    await session.refresh();
    const tokens = await Promise.all([session.accessToken(), session.accessToken(), session.accessToken()]);
    expect(new Set(tokens)).toEqual(new Set(['token-2']));
    expect(s.refreshes).toBe(2);
  });

  it('a refused refresh signs the screen out instead of failing every later request', async () => {
    const s = server({ ttlMs: 10_000 });
    const session = new SessionManager(s.http, s.now);
    await session.refresh();
    await session.signOut();
    expect(session.session).toBeNull();
    expect(await session.accessToken()).toBeNull();
  });

  it('shows the server’s message when sign-in is refused', async () => {
    const s = server({ signedIn: false });
    const session = new SessionManager(s.http, s.now);
    await expect(session.signIn('pat@example.test', 'wrong')).rejects.toThrow('That email and password do not match.');
    expect(session.session).toBeNull();
    await session.signIn('pat@example.test', 'right');
    expect(session.session?.user.id).toBe('u1');
  });

  it('signs out on this screen even when the network is down', async () => {
    const s = server();
    const session = new SessionManager(async (input, init) => (String(input).endsWith('sign-out') ? Promise.reject(new TypeError('offline')) : s.http(input, init)), s.now);
    await session.refresh();
    await session.signOut();
    expect(session.session).toBeNull();
  });
});
