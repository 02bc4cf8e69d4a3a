import fc from 'fast-check';
import { expectData, type TestApp } from './support/app';
import { ops, PASSWORD, startClinic, type World } from './support/operations';

/**
 * Hostile and malformed requests, generated: at least 1,000 per run, each
 * answered below 500, every error with a code from the contract, nothing that
 * looks like a stack trace or a path on the server, and the service healthy
 * afterwards. The seed is fixed so a failure replays; FC_SEED overrides it.
 */
const CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL']);
const LEAKS = /\n\s+at |\bat [\w.<>]+ \(|node_modules|\/work\/|\/src\/|\/modules\/|\.ts:\d+|\.js:\d+|Maximum call stack/;
const SEED = Number(process.env.FC_SEED ?? 1105);

let t: TestApp;
let w: World;
let sent = 0;
const failures: string[] = [];

beforeAll(async () => {
  // The harness's rate limits are generous: a 429 here would hide what the handlers do.
  ({ t, w } = await startClinic('Hostile Clinic'));
});
afterAll(() => t?.close());

interface Probe {
  label: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** Sends one request and records what was wrong with the answer, if anything. */
async function probe(p: Probe): Promise<void> {
  sent++;
  const res = await fetch(`${t.url}${p.path ?? '/graphql'}`, { method: p.method ?? 'POST', headers: p.headers, body: p.body });
  const text = await res.text();
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`HTTP ${res.status}`);
  if (LEAKS.test(text)) problems.push('leaks internals');
  if (res.status >= 400 || /"errors"/.test(text)) {
    let body: { errors?: Array<{ extensions?: { code?: unknown } }> } | undefined;
    try {
      body = JSON.parse(text);
    } catch {
      if (!/^text\/html/.test(res.headers.get('content-type') ?? '')) problems.push('error body is not JSON');
    }
    if (body && (!Array.isArray(body.errors) || body.errors.length === 0 || body.errors.some((e) => !CODES.has(e.extensions?.code as string)))) {
      problems.push('error without a code');
    }
    if (body?.errors?.some((e) => e.extensions?.code === 'INTERNAL')) problems.push('INTERNAL');
  }
  if (res.status === 429 && !res.headers.get('retry-after')) problems.push('429 without Retry-After');
  if (problems.length) failures.push(`${p.label}: ${problems.join(', ')} → ${res.status} ${text.slice(0, 300)}`);
}

const JSON_TYPE = { 'content-type': 'application/json' };
type ErrorBody = { data?: unknown; errors: Array<{ message: string; extensions: { code: string } }> };
const gqlProbe = (label: string, query: unknown, variables?: unknown, token?: string, extra: Record<string, unknown> = {}): Probe => ({
  label,
  headers: { ...JSON_TYPE, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify({ query, variables, ...extra }),
});

describe('the findings of issue 11, replayed', () => {
  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: verifyCompletion(code: "Z") { status }`).join(' ')} }`;
  const chain = (n: number) =>
    `{ ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ${i + 1 < n ? `...F${i + 1}` : '__typename'} }`).join(' ')}`;

  it.each([
    ['5,000 aliases of a public query', aliases(5000)],
    ['a fragment that spreads itself', 'fragment A on Query { ...A } { ...A }'],
    ['a 5,000-fragment chain', chain(5000)],
    ['a fragment bomb (each fragment spreads the previous twice)', `{ ...F19 } fragment F0 on Query { __typename } ${Array.from({ length: 19 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join(' ')}`],
    ['a subscription', 'subscription { __typename }'],
  ])('%s → 400 BAD_USER_INPUT, and nothing runs', async (_label, query) => {
    const started = Date.now();
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ query }) });
    const body = (await res.json()) as ErrorBody;
    expect(res.status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.data).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('names the limit and the numbers', async () => {
    const res = await t.gql(aliases(40));
    expect(res.status).toBe(400);
    expect(res.errors?.[0]).toMatchObject({ message: expect.stringMatching(/40 aliases; at most 30/), extensions: { code: 'BAD_USER_INPUT', limit: { name: 'aliases', actual: 40, maximum: 30 } } });
    const tokens = await t.gql(`{ ${'__typename '.repeat(6000)} }`);
    expect(tokens.status).toBe(400);
    expect(tokens.errors?.[0].message).toMatch(/5000 tokens/);
  });

  it('refuses the persisted-query extension with 400', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it.each<Probe & { status: number }>([
    { label: 'no content type', body: '{"query":"{ __typename }"}', status: 415 },
    { label: 'text/plain', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}', status: 415 },
    { label: 'malformed JSON', headers: JSON_TYPE, body: '{"query": "{ __typename }"', status: 400 },
    { label: 'an empty JSON body', headers: JSON_TYPE, body: '', status: 400 },
    { label: 'a 2 MB body', headers: JSON_TYPE, body: JSON.stringify({ query: `{ __typename }`, pad: 'x'.repeat(2 * 1024 * 1024) }), status: 413 },
    { label: 'PUT', method: 'PUT', headers: JSON_TYPE, body: '{}', status: 405 },
    { label: 'DELETE on /health', method: 'DELETE', path: '/health', status: 405 },
    { label: 'a path that cannot be decoded', method: 'GET', path: '/verify/%FF', status: 400 },
  ])('$label → $status with a coded error in the GraphQL shape', async (p) => {
    const res = await fetch(`${t.url}${p.path ?? '/graphql'}`, { method: p.method ?? 'POST', headers: p.headers, body: p.body });
    expect(res.status).toBe(p.status);
    const body = (await res.json()) as ErrorBody;
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).not.toMatch(LEAKS);
    if (p.status === 405) expect(res.headers.get('allow')).toBeTruthy();
  });

  it.each([
    ['a learnerId that is not an id', 'completionRecords', { learnerId: 'zzz' }],
    ['a learnerId with a 0x prefix', 'completionRecords', { learnerId: '0x0123456789abcdef012345' }],
    ['a date that is not one', 'auditEvents', { from: 'garbage' }],
    ['an operator object as a date', 'auditEvents', { from: { $gt: '' } }],
    ['an operator object as an id', 'auditEvents', { actorId: { $ne: null } }],
    ['a date that does not exist', 'completionRecords', { from: '2026-02-30' }],
  ])('%s in a filter → BAD_USER_INPUT', async (_label, operation, filter) => {
    const query =
      operation === 'auditEvents'
        ? 'query($f: AuditEventFilter) { auditEvents(filter: $f) { nodes { id } } }'
        : 'query($f: CompletionRecordFilter) { completionRecords(filter: $f) { nodes { id } } }';
    const res = await t.gql(query, { f: filter }, w.admin.token);
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.data?.[operation] ?? null).toBeNull();
  });

  it('still serves real queries with dates and ids in their filters', async () => {
    const res = await t.gql('query($f: AuditEventFilter) { auditEvents(filter: $f) { nodes { id } } }', { f: { actorId: w.admin.id, from: '2020-01-01', to: new Date().toISOString() } }, w.admin.token);
    expect(expectData(res).auditEvents.nodes).toEqual(expect.any(Array));
  });
});

describe('generated hostile requests', () => {
  const OPERATIONS = [
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
    'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }',
    'mutation($t: String!) { logout(refreshToken: $t) }',
    'mutation($input: AcceptInviteInput!) { acceptInvite(input: $input) { accessToken } }',
    'query($code: String!) { verifyCompletion(code: $code) { status } }',
    'query($f: CompletionRecordFilter, $first: Int, $after: String) { completionRecords(filter: $f, first: $first, after: $after) { nodes { id } } }',
    'query($f: AuditEventFilter, $first: Int) { auditEvents(filter: $f, first: $first) { nodes { id } } }',
    'query($id: ID!) { patient(id: $id) { patient { id } } }',
    'query($id: ID!) { learnerProgress(learnerId: $id) { learnerId } }',
    'mutation($input: AssignCourseInput!) { assignCourse(input: $input) { id } }',
    'mutation($input: RecordLessonProgressInput!) { recordLessonProgress(input: $input) { status } }',
    'mutation($input: SubmitReflectionInput!) { submitReflection(input: $input) { id } }',
    'mutation($input: CreateInviteInput!) { createInvite(input: $input) { code } }',
    'query($first: Int, $after: String) { caseload(first: $first, after: $after) { nodes { learnerId } } }',
  ];
  const VARIABLE_NAMES = ['email', 'password', 't', 'input', 'code', 'f', 'first', 'after', 'id'];

  /** Values a hostile client sends where a string, id, date or number belongs. */
  const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    leaf: fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('', ' ', '0x0123456789abcdef012345', 'zzz', '000000000000000000000000', 'ffffffffffffffffffffffff', 'aaaaaaaaaaaa', '2026-02-30', 'garbage', '1e309', '../../etc/passwd', '<script>', "'; db.dropDatabase(); '", PASSWORD),
      fc.constantFrom({ $gt: '' }, { $ne: null }, { $where: 'sleep(1000)' }, { $regex: '^(a+)+$' }, { __proto__: { admin: true } }, { constructor: { prototype: {} } }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 2 ** 31, 101),
      fc.string({ minLength: 1000, maxLength: 20000 }).map((s) => s.slice(0, 20000)),
    ),
    node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...VARIABLE_NAMES, 'learnerId', 'from', 'to', 'lessonId', 'courseSlug', 'dueAt', 'role', 'text', '$gt'), tie('node'), { maxKeys: 5 })),
  })).node;

  const tokenArb = fc.constantFrom<string | undefined>(undefined, 'admin', 'patient', 'not-a-jwt', 'eyJhbGciOiJub25lIn0.e30.');
  const tokenFor = (choice: string | undefined) => (choice === 'admin' ? w.admin.token : choice === 'patient' ? w.patient.token : choice);

  /** A real operation with hostile variables. */
  const operationProbe = fc.record({ query: fc.constantFrom(...OPERATIONS), vars: fc.dictionary(fc.constantFrom(...VARIABLE_NAMES), hostileValue, { maxKeys: 4 }), token: tokenArb }).map(
    ({ query, vars, token }): Probe => gqlProbe('operation', query, vars, tokenFor(token)),
  );

  /** GraphQL text assembled from pieces of the real language: mostly invalid, sometimes huge or deep. */
  const PIECES = ['{', '}', '(', ')', ':', '...', '$x', '@skip(if: true)', 'query', 'mutation', 'subscription', 'fragment F on Query', '...F', 'on', 'me', 'id', 'a:', '__typename', '__schema', 'types', 'name', '"str"', '1', '[', ']', 'verifyCompletion(code: "Z")', 'status', 'myLearning', 'courses', 'lessons', '#', '\\u0000', '"""', '!', '=', 'Int'];
  const queryText = fc.oneof(
    fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(' ')),
    fc.integer({ min: 1, max: 300 }).map((n) => `${'{ me '.repeat(n)}${'}'.repeat(n)}`),
    fc.integer({ min: 1, max: 2000 }).map((n) => `{ ${Array.from({ length: n }, (_, i) => `f${i}: __typename`).join(' ')} }`),
    fc.string({ maxLength: 200 }),
  );
  const textProbe = fc.record({ query: queryText, token: tokenArb, operationName: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }) }).map(
    ({ query, token, operationName }): Probe => gqlProbe('text', query, undefined, tokenFor(token), operationName === undefined ? {} : { operationName }),
  );

  /** Request bodies whose top-level fields have the wrong types. */
  const envelopeProbe = fc.record({ query: hostileValue, variables: hostileValue, operationName: hostileValue, extensions: hostileValue }, { requiredKeys: [] }).map(
    (body): Probe => ({ label: 'envelope', headers: JSON_TYPE, body: JSON.stringify(body) }),
  );

  /** HTTP itself: methods, paths, content types and bodies. */
  const httpProbe = fc
    .record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
      path: fc.constantFrom('/graphql', '/graphql?query={__typename}', '/graphql?query={me{id}}&variables=notjson', '/health', '/verify/ABCD-EFGH', '/verify/%FF', '/certificates/x.pdf', '/completion-records.csv?from=garbage', '/completion-records.csv?learnerId[$ne]=1', '/nowhere', '/issuers/zzz', '/.well-known/waypoint-signing-key', '/%2e%2e/%2e%2e/etc/passwd'),
      contentType: fc.constantFrom(undefined, 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/graphql'),
      body: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 300 }), fc.constantFrom('{', '[]', 'null', '{"query":{}}', '"x"', '{"__proto__":{"a":1}}')),
    })
    .map(({ method, path, contentType, body }): Probe => ({
      label: `${method} ${path} (${contentType ?? 'no content type'})`,
      method,
      path,
      headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(path.startsWith('/certificates') || path.startsWith('/completion') ? { authorization: `Bearer ${w.admin.token}` } : {}) },
      body: method === 'GET' ? undefined : body,
    }));

  it('sends at least 1,000 hostile requests: no 5xx, every error coded, no internals, and the service stays healthy', async () => {
    const all = fc.oneof({ arbitrary: operationProbe, weight: 4 }, { arbitrary: textProbe, weight: 3 }, { arbitrary: envelopeProbe, weight: 2 }, { arbitrary: httpProbe, weight: 3 });
    const probes = fc.sample(all, { numRuns: 1040, seed: SEED });
    // A few at a time, as real clients would arrive.
    for (let i = 0; i < probes.length; i += 8) await Promise.all(probes.slice(i, i + 8).map(probe));
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect(failures.slice(0, 10)).toEqual([]);

    const health = await fetch(`${t.url}/health`);
    expect(health.status).toBe(200);
    expect(expectData(await ops.login(t, w.staff.email, PASSWORD)).login.accessToken).toEqual(expect.any(String));
  }, 120_000);
});
