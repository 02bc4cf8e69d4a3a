import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { IS_PUBLIC, ROLES } from '../src/auth/decorators';
import { renderSchema, SCHEMA_FILE } from '../src/graphql/schema-file';
import { startTestApp, type TestApp } from './support/app';
import { testDatabase } from './support/test-database';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

it('the committed schema.gql matches the code (run `npm run schema` after changing the API)', () => {
  expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(renderSchema(t.app));
});

it('every query and mutation declares who may call it (@Roles) or is explicitly @Public', () => {
  const discovery = new DiscoveryService(t.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = t.app.get(Reflector);
  const unguarded: string[] = [];
  let checked = 0;
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const prototype = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const method = prototype[name];
      const kind = Reflect.getMetadata(RESOLVER_TYPE_METADATA, method);
      if (kind !== 'Query' && kind !== 'Mutation') continue;
      checked++;
      const isPublic = reflector.getAllAndOverride<boolean>(IS_PUBLIC, [method, wrapper.metatype!]);
      const roles = reflector.getAllAndOverride<string[]>(ROLES, [method, wrapper.metatype!]);
      if (!isPublic && !roles?.length) unguarded.push(`${wrapper.name}.${name}`);
    }
  }
  expect(checked).toBeGreaterThan(5);
  expect(unguarded).toEqual([]);
});

it('answers the health check with the database backend', async () => {
  const res = await fetch(`${t.url}/health`);
  expect(res.status).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ status: 'ok', database: { ok: true } });
  expect(res.headers.get('x-request-id')).toBeTruthy();
});

it('refuses queries deeper or costlier than the limits, with a message naming the limit', async () => {
  const strict = await startTestApp({ GRAPHQL_MAX_DEPTH: '2', GRAPHQL_MAX_COMPLEXITY: '10' });
  try {
    const deep = await strict.gql('{ lessonBySlug(courseSlug: "a", lessonSlug: "b") { quiz { questions { id } } } }');
    expect(deep.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(deep.errors?.[0].message).toMatch(/maximum operation depth of 2/);
    const costly = await strict.gql('{ a: me { id } b: me { id } c: me { id } d: me { id } e: me { id } f: me { id } }');
    expect(costly.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(costly.errors?.[0].message).toMatch(/too complex \(cost \d+, limit 10\)/);
    // The estimate is remembered per query, but a variable that switches fields on counts.
    const switchable = 'query($all: Boolean!) { a: me { id } b: me { id } c: me @include(if: $all) { id } d: me @include(if: $all) { id } e: me @include(if: $all) { id } f: me @include(if: $all) { id } }';
    expect((await strict.gql(switchable, { all: false })).errors?.[0].message).not.toMatch(/too complex/);
    expect((await strict.gql(switchable, { all: true })).errors?.[0].message).toMatch(/too complex/);
    expect((await strict.gql(switchable, { all: false })).errors?.[0].message).not.toMatch(/too complex/);
  } finally {
    await strict.close();
  }
});

it('answers a variable of the wrong type with BAD_USER_INPUT, not INTERNAL', async () => {
  const res = await t.gql('mutation($p: String!) { login(email: "someone@example.test", password: $p) { accessToken } }', { p: 12345678901234 });
  expect(res.status).toBe(400);
  expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(res.errors?.[0].message).toMatch(/\$p/);
});

it('answers malformed GraphQL with BAD_USER_INPUT and no stack trace', async () => {
  const res = await t.gql('{ me { id ');
  expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(JSON.stringify(res.errors)).not.toMatch(/at .*\.(ts|js):\d+/);
});

it('turns off introspection and the landing page in production', async () => {
  const signingKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const production = await startTestApp({ NODE_ENV: 'production', MONGODB_URI: testDatabase().uri, SIGNING_KEY: signingKey, IMPORT_CURRICULUM: 'false', SMTP_URL: 'smtp://127.0.0.1:9' });
  try {
    const introspection = await production.gql('{ __schema { queryType { name } } }');
    expect(introspection.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    const landing = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await landing.text()).not.toMatch(/<html/i);
    // In development both are on.
    expect((await t.gql('{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  } finally {
    await production.close();
  }
});
