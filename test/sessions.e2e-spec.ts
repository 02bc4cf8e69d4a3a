import { JwtService } from '@nestjs/jwt';
import { SessionsService } from '../modules/identity/sessions.service';
import { errorCode, expectData, startTestApp, type TestApp } from './support/app';
import { buildWorld, ops, PASSWORD, type World } from './support/operations';

let a: TestApp;
let b: TestApp;
let w: World;

/** Two instances of the service on one database, as behind a load balancer. */
beforeAll(async () => {
  a = await startTestApp();
  b = await startTestApp({}, { dbName: a.dbName });
  w = await buildWorld(a);
});
afterAll(async () => {
  await b?.app.close();
  await a?.close();
});

async function signIn(email: string) {
  return expectData(await ops.login(a, email, PASSWORD)).login;
}

/** Milliseconds until `token` is refused on `instance`, checked every 50 ms, or Infinity after 3 s. */
async function msUntilRefused(instance: TestApp, token: string, since: number): Promise<number> {
  while (Date.now() - since < 3000) {
    if (errorCode(await ops.me(instance, token)) === 'UNAUTHENTICATED') return Date.now() - since;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Infinity;
}

it('logout ends the access token within a second on every instance', async () => {
  const session = await signIn(w.staff.email);
  expect(expectData(await ops.me(b, session.accessToken)).me.id).toBe(w.staff.id);
  expectData(await ops.logout(a, session.refreshToken));
  const ended = Date.now();
  expect(await msUntilRefused(a, session.accessToken, ended)).toBeLessThan(1000);
  expect(await msUntilRefused(b, session.accessToken, ended)).toBeLessThan(1000);
});

it('reusing a rotated refresh token ends every access token of that chain', async () => {
  const first = await signIn(w.patient.email);
  const second = expectData(await ops.refreshSession(a, first.refreshToken)).refreshSession;
  expect(errorCode(await ops.refreshSession(b, first.refreshToken))).toBe('UNAUTHENTICATED');
  const ended = Date.now();
  expect(await msUntilRefused(a, second.accessToken, ended)).toBeLessThan(1000);
  expect(await msUntilRefused(b, first.accessToken, ended)).toBeLessThan(1000);
});

it('revokeAll (deactivation, password change) ends every session of that person and no one else', async () => {
  const phone = await signIn(w.clinician.email);
  const laptop = await signIn(w.clinician.email);
  const colleague = await signIn(w.admin.email);
  await a.app.get(SessionsService).revokeAll(w.clinician.id, 'password changed');
  const ended = Date.now();
  for (const token of [phone.accessToken, laptop.accessToken]) {
    expect(await msUntilRefused(b, token, ended)).toBeLessThan(1000);
  }
  expect(errorCode(await ops.refreshSession(b, laptop.refreshToken))).toBe('UNAUTHENTICATED');
  expect(expectData(await ops.me(b, colleague.accessToken)).me.id).toBe(w.admin.id);
  // Signing in again starts a new session that works.
  expect(expectData(await ops.me(b, (await signIn(w.clinician.email)).accessToken)).me.id).toBe(w.clinician.id);
});

it('refuses an access token that names no session', async () => {
  const token = new JwtService({ secret: a.config.auth.jwtSecret }).sign({ sub: w.staff.id, org: w.orgId, role: 'STAFF' }, { issuer: 'waypoint', audience: 'waypoint-api', expiresIn: 600 });
  expect(errorCode(await ops.me(a, token))).toBe('UNAUTHENTICATED');
});

it('an access token that has worked is refused once it expires (verified tokens are remembered only until their exp)', async () => {
  const sign = (claims: object, expiresIn: number) =>
    new JwtService({ secret: a.config.auth.jwtSecret }).sign(claims, { issuer: 'waypoint', audience: 'waypoint-api', expiresIn });
  const session = await signIn(w.staff.email);
  const claims = new JwtService({}).decode<Record<string, unknown>>(session.accessToken);
  const token = sign({ sub: claims.sub, org: claims.org, role: claims.role, sid: claims.sid }, 2);
  expect(expectData(await ops.me(a, token)).me.id).toBe(w.staff.id);
  expect(expectData(await ops.me(a, token)).me.id).toBe(w.staff.id);
  const { exp } = new JwtService({}).decode<{ exp: number }>(token);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp * 1000 - Date.now()) + 50));
  expect(errorCode(await ops.me(a, token))).toBe('UNAUTHENTICATED');
});

it('a remembered access token still stops at once when its session ends', async () => {
  const session = await signIn(w.family.email);
  for (let i = 0; i < 3; i++) expect(expectData(await ops.me(a, session.accessToken)).me.id).toBe(w.family.id);
  expectData(await ops.logout(a, session.refreshToken));
  expect(await msUntilRefused(a, session.accessToken, Date.now())).toBeLessThan(1000);
});
