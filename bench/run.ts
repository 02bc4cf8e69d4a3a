/**
 * `npm run bench [-- --sizes 1k,10k,100k --seconds 3 --warmup 3 --rounds 3 --connections 8 --only caseload --variants F1,G1 --profile G1 --no-save]`
 * `--only a,b` measures only the named scenarios; `--profile G1` (or F0, G0, F1, or a list: G0,G1) writes a V8
 * CPU profile of the app process for each measured round of that variant to the system's
 * temporary directory (that variant's CPU figures then include the profiler's cost).
 *
 * Starts the embedded engine in its own process (unless MONGODB_URI is set),
 * generates the dataset, builds the real app with the floors mounted beside it,
 * and drives every scenario with autocannon from a separate process: warm-up,
 * then interleaved rounds of F0/F1/G1, medians. Prints one markdown table (and
 * the growth tables) and writes them into bench/RESULTS.md.
 */
import { spawn, fork, execSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import inspector from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { getConnectionToken } from '@nestjs/mongoose';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MongoClient, ObjectId, type Db } from 'mongodb';
import type { Connection } from 'mongoose';
import pino from 'pino';
import { createApp } from '../src/bootstrap';
import { loadConfig, type AppConfig } from '../src/config/config';
import { importCurriculum } from '../modules/curriculum/import-curriculum';
import { CompletionRecordsService } from '../modules/credentials';
import { CoursesService } from '../modules/curriculum';
import { SessionsService } from '../modules/identity';
import { CONFIDENTIALITY_COURSE } from '../modules/training';
import { Role, type AccessTokenClaims } from '../src/auth/principal';
import { mountFloors, principals, type Floors } from './floors';
import { G0, recordId, replayId } from './g0';
import { CoursesResolver } from '../modules/curriculum/courses.resolver';
import { ProgressResolver } from '../modules/progress/progress.resolver';
import { TrainingResolver } from '../modules/training/training.resolver';
import { generate, parseSize, sizeLabel, type Fixture } from './generate';
import type { LoadJob, LoadResult } from './load-worker';
import { caseloadScenario, EVENT_ID_PLACEHOLDER, LIST_SIZES, SCENARIOS, staffComplianceScenario, type Caller, type Scenario } from './scenarios';
import { shapeOf } from './shape';

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(__dirname, 'RESULTS.md');
const MONITORING = new Set(['hello', 'isMaster', 'ismaster', 'ping', 'endSessions', 'saslStart', 'saslContinue', 'buildInfo']);
const SEED = 42;

type Variant = 'F0' | 'G0' | 'F1' | 'G1';

interface Options {
  sizes: number[];
  seconds: number;
  warmup: number;
  rounds: number;
  connections: number;
  save: boolean;
  only?: string[];
  /** `--variants F1,G1`: measure only these (e.g. to profile one path); the tables keep their columns. */
  variants?: Variant[];
  profile?: Variant[];
}

interface Row {
  scenario: string;
  variant: Variant;
  rps: number;
  p50: number;
  p99: number;
  cmds: number;
  /** CPU time of this process (the app and the floors) per request, µs. */
  cpu: number;
  /** CPU time of the database engine's process per request, µs (embedded engine only). */
  dbCpu?: number;
  /** Commands per request by name, e.g. `find 3.00, getMore 0.18`. */
  names?: string;
  invalid?: string;
  /** Not measured, and why. */
  note?: string;
}

function parseOptions(argv: string[]): Options {
  const get = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
  };
  return {
    sizes: get('sizes', '1k').split(',').map(parseSize),
    seconds: Number(get('seconds', '3')),
    warmup: Number(get('warmup', '3')),
    rounds: Number(get('rounds', '3')),
    connections: Number(get('connections', '8')),
    save: !argv.includes('--no-save'),
    only: argv.includes('--only') ? get('only', '').split(',') : undefined,
    variants: argv.includes('--variants') ? (get('variants', '').split(',') as Variant[]) : undefined,
    profile: argv.includes('--profile') ? (get('profile', 'G1').split(',') as Variant[]) : undefined,
  };
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `npm run db:embedded` as a child process; resolves with its URI. */
function startEngine(): Promise<{ uri: string; child: ChildProcess }> {
  // BENCH_ENGINE_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, profiles the engine's process.
  const extra = process.env.BENCH_ENGINE_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  // A larger young generation: generating and holding 100k learners' documents otherwise spends a fifth of the engine's CPU in scavenges.
  // 12 GB: with 8 GB the 100k dataset (2.3M documents) stalled the engine in garbage collection past the driver's monitor timeout.
  const child = spawn(process.execPath, ['--max-old-space-size=12288', '--max-semi-space-size=64', ...extra, '-r', 'ts-node/register/transpile-only', path.join(ROOT, 'packages/embedded-mongodb/src/standalone.ts'), '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('mongodb://'));
      if (line) resolve({ uri: line.trim(), child });
    });
    child.on('exit', (code) => reject(new Error(`embedded engine exited (${code}): ${stderr.slice(-2000)}`)));
  });
}

/**
 * CPU time (user + system, µs) a child process has used so far, from
 * /proc/<pid>/stat; undefined where there is no /proc (or no child: MONGODB_URI).
 */
function childCpu(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = (() => {
  try {
    return Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU used by this process (which serves the app and the floors) and by the engine, in µs. */
function cpuNow(enginePid: number | undefined): { app: number; db?: number } {
  const u = process.cpuUsage();
  return { app: u.user + u.system, db: childCpu(enginePid) };
}

class Load {
  private readonly worker = fork(path.join(__dirname, 'load-worker.ts'), [], { execArgv: ['-r', 'ts-node/register/transpile-only'], cwd: ROOT });

  run(job: LoadJob): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      this.worker.once('message', (message: LoadResult | { error: string }) => ('error' in message ? reject(new Error(message.error)) : resolve(message)));
      this.worker.send(job);
    });
  }

  stop(): void {
    this.worker.kill();
  }
}

/** Counts driver commands and responses (and responses carrying GraphQL errors) while load runs. */
class Meter {
  commands = 0;
  /** Requests the server started in the window. */
  responses = 0;
  errorResponses = 0;
  /** Polls of the ended-sessions list (background: every instance, whatever the traffic). */
  sessionPolls = 0;
  readonly names = new Map<string, number>();

  count(name: string): void {
    this.commands++;
    this.names.set(name, (this.names.get(name) ?? 0) + 1);
  }

  reset(): void {
    this.names.clear();
    this.commands = 0;
    this.responses = 0;
    this.errorResponses = 0;
  }
}

interface Harness {
  app: NestFastifyApplication;
  g0: G0;
  enginePid?: number;
  db: Db;
  url: string;
  fixture: Fixture;
  floors: Floors;
  meter: Meter;
  tokens: Record<Caller, string>;
  close(): Promise<void>;
}

async function prepare(uri: string, enginePid: number | undefined, learners: number, scenarios: Scenario[]): Promise<Harness> {
  const dbName = `waypoint_bench_${sizeLabel(learners)}`;
  const config: AppConfig = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    IMPORT_CURRICULUM: 'false',
    JWT_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
    // Commands per request are counted from the driver's events (off by default in the service).
    MONGODB_MONITOR_COMMANDS: 'true',
  });

  // Reuse a dataset of the same size and seed (MONGODB_URI runs); otherwise start clean.
  const admin = new MongoClient(uri);
  const existing = await admin.db(dbName).collection<{ _id: string; learners: number; seed: number; fixture: Fixture }>('benchDataset').findOne({ _id: 'dataset' });
  const reuse = existing?.learners === learners && existing.seed === SEED;
  if (!reuse) await admin.db(dbName).dropDatabase();
  await admin.close();

  const g0 = new G0();
  const app = await createApp(config, pino({ level: 'silent' }), { backend: 'uri', uri, reason: 'benchmark', stop: async () => undefined }, dbName, (a) =>
    g0.install(a, [ProgressResolver, CoursesResolver, TrainingResolver]),
  );
  const connection = app.get<Connection>(getConnectionToken());
  const client = connection.getClient();
  const db = client.db(dbName);
  let fixture: Fixture;
  if (reuse) {
    fixture = existing!.fixture;
    log(`dataset ${sizeLabel(learners)}: reusing ${dbName}`);
  } else {
    const started = Date.now();
    await importCurriculum(app);
    fixture = await generate(db, { learners, seed: SEED, signingKeyPem: config.credentials.signingKeyPem, log });
    // The training gate asks clinicians and admins for a current confidentiality course before
    // they read client records: the benchmark's clinician and admin have taken it.
    const course = await app.get(CoursesService, { strict: false }).currentCourse(CONFIDENTIALITY_COURSE);
    if (!course) throw new Error(`the bundled curriculum has no ${CONFIDENTIALITY_COURSE}`);
    const who = principals(fixture);
    for (const caller of ['clinician', 'admin'] as const) {
      const p = who[caller];
      await app.get(CompletionRecordsService, { strict: false }).issue({ orgId: p.orgId, learnerId: p.userId, courseSlug: CONFIDENTIALITY_COURSE, courseVersion: course.version, completedAt: new Date(), cycle: 1 });
    }
    await db.collection<{ _id: string }>('benchDataset').insertOne({ _id: 'dataset', learners, seed: SEED, fixture } as never);
    log(`dataset ${sizeLabel(learners)}: generated in ${((Date.now() - started) / 1000).toFixed(1)} s: ${Object.entries(fixture.counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }

  const meter = new Meter();
  client.on('commandStarted', (event: { commandName: string; command: Record<string, unknown> }) => {
    // The mail worker and the scheduler poll in the background: not a request's cost.
    const collection = String(event.command[event.commandName]);
    const background = ['outboxMessages', 'scheduledJobs', 'revokedSessions'].includes(collection);
    if (collection === 'revokedSessions') meter.sessionPolls++;
    if (!MONITORING.has(event.commandName) && !background) meter.count(event.commandName);
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, _reply, payload) => {
    if (request.url === '/graphql' && typeof payload === 'string' && payload.startsWith('{"errors"')) meter.errorResponses++;
    return payload;
  });
  // Requests the server started: each runs to completion even when autocannon
  // hangs up at the end of a round, so its commands belong to the window.
  fastify.addHook('onRequest', async () => {
    meter.responses++;
  });
  const floors = await mountFloors(app, db, fixture, scenarios);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;

  const jwt = app.get(JwtService, { strict: false });
  const tokens = {} as Record<Caller, string>;
  const who = principals(fixture);
  for (const caller of Object.keys(who) as Caller[]) {
    const p = who[caller];
    // A session id of its own: the service checks it against the list of ended sessions on every request.
    const claims: AccessTokenClaims = { sub: p.userId, org: p.orgId, role: p.role, sid: `bench-${caller}` };
    tokens[caller] = await jwt.signAsync(claims, { expiresIn: 4 * 3600, issuer: 'waypoint', audience: 'waypoint-api', algorithm: 'HS256' });
  }
  return { app, g0, enginePid, db, url, fixture, floors, meter, tokens, close: () => app.close() };
}

function requestFor(h: Harness, scenario: Scenario, variant: Variant): LoadJob & { path: string } {
  const body = JSON.stringify({ query: scenario.query, variables: scenario.variables(h.fixture) });
  const graphql = variant === 'G1' || variant === 'G0';
  const path = graphql ? '/graphql' : `/bench/${variant.toLowerCase()}/${encodeURIComponent(scenario.name)}`;
  const headers: Record<string, string> = graphql ? { authorization: `Bearer ${h.tokens[scenario.caller]}` } : {};
  if (variant === 'G0') headers['x-request-id'] = replayId(scenario.name);
  return {
    path,
    url: h.url + path,
    body,
    headers,
    seconds: 0,
    connections: 1,
    uniqueIds: Boolean(scenario.mutation),
  };
}

async function once(h: Harness, scenario: Scenario, variant: Variant, extraHeaders: Record<string, string> = {}): Promise<{ text: string; commands: number }> {
  const job = requestFor(h, scenario, variant);
  Object.assign(job.headers, extraHeaders);
  const body = job.body.split(EVENT_ID_PLACEHOLDER).join(`bench-check-${randomBytes(8).toString('hex')}`);
  const before = h.meter.commands;
  const res = await fetch(job.url, { method: 'POST', headers: { 'content-type': 'application/json', ...job.headers }, body });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${variant} ${scenario.name}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  return { text, commands: h.meter.commands - before };
}

/**
 * When autocannon stops, requests it abandoned are still being served: wait for
 * them, so their commands and their responses land in the same window.
 */
async function settle(meter: Meter): Promise<void> {
  const deadline = Date.now() + 5000;
  let last = -1;
  let quiet = 0;
  while (Date.now() < deadline && quiet < 4) {
    quiet = meter.commands === last ? quiet + 1 : 0;
    last = meter.commands;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Fetches G1 and F1 once, checks G1 has no errors and both say the same; fills F0 with G1's bytes. */
async function validate(h: Harness, scenario: Scenario): Promise<string | undefined> {
  try {
    await once(h, scenario, 'G1'); // warm caches (lesson catalog, course reads) before comparing
    const g1 = await once(h, scenario, 'G1', { 'x-request-id': recordId(scenario.name) });
    const g1Body = JSON.parse(g1.text) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (g1Body.errors?.length) return `G1 errors: ${JSON.stringify(g1Body.errors).slice(0, 300)}`;
    h.floors.f0.set(scenario.name, Buffer.from(g1.text));
    if (!h.g0.has(scenario.name)) return 'G0: the root resolver was not recorded';
    const g0 = await once(h, scenario, 'G0');
    if (g0.text !== g1.text) return 'G0 body differs from G1';
    if (g0.commands !== 0) return `G0 sent ${g0.commands} database commands`;
    const f1Body = JSON.parse((await once(h, scenario, 'F1')).text) as { data?: Record<string, unknown> };
    const f0Text = (await once(h, scenario, 'F0')).text;
    if (f0Text !== g1.text) return 'F0 body differs from G1';
    const same = scenario.mutation
      ? JSON.stringify(shapeOf(g1Body.data)) === JSON.stringify(shapeOf(f1Body.data))
      : JSON.stringify(g1Body.data) === JSON.stringify(f1Body.data);
    if (!same) {
      writeFileSync(path.join(os.tmpdir(), `bench-${scenario.name}-g1.json`), JSON.stringify(g1Body.data, null, 1));
      writeFileSync(path.join(os.tmpdir(), `bench-${scenario.name}-f1.json`), JSON.stringify(f1Body.data, null, 1));
      return `G1 data differs from F1 (${scenario.mutation ? 'shape' : 'bytes'}; both written to ${os.tmpdir()}/bench-${scenario.name}-*.json)`;
    }
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function measure(h: Harness, load: Load, options: Options, scenario: Scenario, variants: Variant[]): Promise<Row[]> {
  const invalid = await validate(h, scenario);
  if (invalid) {
    log(`${scenario.name}: INVALID: ${invalid}`);
    return variants.map((variant) => ({ scenario: scenario.name, variant, rps: 0, p50: 0, p99: 0, cmds: 0, cpu: 0, invalid }));
  }
  const job = (variant: Variant, seconds: number): LoadJob => ({ ...requestFor(h, scenario, variant), seconds, connections: options.connections });
  for (const variant of variants) await load.run(job(variant, options.warmup));
  await settle(h.meter);
  const samples = new Map<Variant, Sample[]>(variants.map((v) => [v, []]));
  for (let round = 0; round < options.rounds; round++) {
    // Interleaved, rotating the order each round so no variant always runs first.
    const order = variants.map((_, i) => variants[(i + round) % variants.length]);
    for (const variant of order) {
      const profile = options.profile?.includes(variant) ? await startProfile() : undefined;
      samples.get(variant)!.push(await sampleRound(h, load, job(variant, options.seconds)));
      if (profile) log(`profile: ${await profile.stop(`${scenario.name}-${variant}-${round}`)}`);
    }
  }
  const rows = variants.map((variant) => summarize(scenario.name, variant, samples.get(variant)!));
  for (const r of rows) log(`${r.scenario} ${r.variant}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.cmds.toFixed(2)} cmds/req (${r.names}), CPU µs/req app ${r.cpu.toFixed(0)}, db ${r.dbCpu?.toFixed(0) ?? '?'}${r.invalid ? ` INVALID: ${r.invalid}` : ''}`);
  return rows;
}

/** A V8 CPU profile of this process (the app), written to a file when stopped. */
async function startProfile(): Promise<{ stop(name: string): Promise<string> }> {
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(name) {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      const file = path.join(os.tmpdir(), `bench-${name}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      return file;
    },
  };
}

type Sample = LoadResult & { commands: number; responses: number; errorResponses: number; names: Map<string, number>; cpu: number; dbCpu?: number };

/** One measured round: the load, then the commands and the CPU time (this process and the engine's) it caused. */
async function sampleRound(h: Harness, load: Load, job: LoadJob): Promise<Sample> {
  h.meter.reset();
  const before = cpuNow(h.enginePid);
  const result = await load.run(job);
  await settle(h.meter);
  const after = cpuNow(h.enginePid);
  return {
    ...result,
    commands: h.meter.commands,
    responses: h.meter.responses,
    errorResponses: h.meter.errorResponses,
    names: new Map(h.meter.names),
    cpu: after.app - before.app,
    dbCpu: after.db !== undefined && before.db !== undefined ? after.db - before.db : undefined,
  };
}

const SUBMIT_FIELDS = 'id status score passed feedback { questionId correct } standing { gradingMethod score passed attemptsUsed attemptsRemaining }';
const SUBMIT = `mutation($a: ID!, $ans: [QuizAnswerInput!]!, $k: String!) { submitQuizAttempt(attemptId: $a, answers: $ans, idempotencyKey: $k) { ${SUBMIT_FIELDS} } }`;

/**
 * submitQuizAttempt: each submission needs its own open attempt, so attempts are
 * opened first through the API (startQuizAttempt, for many patients and quizzes)
 * and each measured request submits a different one, answered correctly (the
 * happy path: a pass, which also records the quiz result on lesson progress).
 * G1 and F0 only: there is no hand-written F1 for grading.
 */
async function measureSubmit(h: Harness, load: Load, options: Options): Promise<Row[]> {
  const warm = 150;
  const perRound = 400;
  const needed = warm + options.rounds * perRound + 1;
  const patients = await h.db.collection('users').find({ orgId: new ObjectId(h.fixture.orgId), role: Role.PATIENT }, { projection: { _id: 1 }, sort: { _id: 1 } }).toArray();
  const quizIds = (await h.db.collection('courses').find({ audiences: 'PATIENT', retiredAt: { $exists: false } }, { projection: { lessons: 1 } }).toArray())
    .flatMap((c) => (c.lessons as Array<{ quizId?: ObjectId }>).filter((l) => l.quizId).map((l) => l.quizId!.toHexString()));
  const jwt = h.app.get(JwtService, { strict: false });
  const tokenOf = new Map<string, string>();
  for (const p of patients) {
    const claims: AccessTokenClaims = { sub: p._id.toHexString(), org: h.fixture.orgId, role: Role.PATIENT, sid: `bench-${p._id.toHexString()}` };
    tokenOf.set(p._id.toHexString(), await jwt.signAsync(claims, { expiresIn: 4 * 3600, issuer: 'waypoint', audience: 'waypoint-api', algorithm: 'HS256' }));
  }
  const pairs = quizIds.flatMap((quizId) => patients.map((p) => ({ learnerId: p._id.toHexString(), quizId })));
  const opened: Array<{ attemptId: string; authorization: string }> = [];
  let cursor = 0;
  const started = Date.now();
  const worker = async () => {
    while (opened.length < needed && cursor < pairs.length) {
      const pair = pairs[cursor++];
      const authorization = `Bearer ${tokenOf.get(pair.learnerId)}`;
      const res = await fetch(`${h.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: 'mutation($q: ID!) { startQuizAttempt(quizId: $q) { id status } }', variables: { q: pair.quizId } }),
      });
      const body = (await res.json()) as { data?: { startQuizAttempt: { id: string; status: string } } };
      if (body.data?.startQuizAttempt.status === 'IN_PROGRESS') opened.push({ attemptId: body.data.startQuizAttempt.id, authorization });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  log(`submitQuizAttempt: opened ${opened.length} attempts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const fail = (invalid: string): Row[] => (['F0', 'F1', 'G1'] as Variant[]).map((variant) => ({ scenario: 'submitQuizAttempt', variant, rps: 0, p50: 0, p99: 0, cmds: 0, cpu: 0, invalid }));
  if (opened.length < needed) return fail(`could open only ${opened.length} of ${needed} attempts`);

  const keyed = new Map<string, Array<{ id: string; options: Array<{ id: string; correct: boolean }> }>>();
  for (let i = 0; i < opened.length; i += 500) {
    const ids = opened.slice(i, i + 500).map((o) => new ObjectId(o.attemptId));
    for (const a of await h.db.collection('quizAttempts').find({ _id: { $in: ids } }, { projection: { questions: 1 } }).toArray()) keyed.set(a._id.toHexString(), a.questions);
  }
  const requests = opened.map((o) => ({
    authorization: o.authorization,
    body: JSON.stringify({
      query: SUBMIT,
      variables: {
        a: o.attemptId,
        ans: (keyed.get(o.attemptId) ?? []).map((q) => ({ questionId: q.id, optionIds: q.options.filter((opt) => opt.correct).map((opt) => opt.id) })),
        k: `bench-${o.attemptId}`,
      },
    }),
  }));

  // Validity: the first submission through the API, no errors, a pass.
  const first = requests.shift()!;
  const before = h.meter.commands;
  const res = await fetch(`${h.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: first.authorization }, body: first.body });
  const text = await res.text();
  const single = h.meter.commands - before;
  const parsed = JSON.parse(text) as { data?: { submitQuizAttempt: { passed: boolean } }; errors?: unknown[] };
  if (parsed.errors?.length) return fail(`G1 errors: ${JSON.stringify(parsed.errors).slice(0, 300)}`);
  if (!parsed.data?.submitQuizAttempt.passed) return fail('the correctly answered attempt did not pass');
  h.floors.f0.set('submitQuizAttempt', Buffer.from(text));
  log(`submitQuizAttempt: one submission cost ${single} commands`);

  const f0Job: LoadJob = { url: `${h.url}/bench/f0/submitQuizAttempt`, body: first.body, headers: {}, seconds: options.seconds, connections: options.connections, uniqueIds: false };
  let offset = 0;
  const g1Job = (amount: number): LoadJob => {
    const slice = requests.slice(offset, offset + amount);
    offset += amount;
    return { url: `${h.url}/graphql`, body: slice[0].body, headers: {}, seconds: 0, amount, rotate: slice, connections: options.connections, uniqueIds: false };
  };
  await load.run({ ...f0Job, seconds: options.warmup });
  await load.run(g1Job(warm));
  await settle(h.meter);
  const samples: Record<'F0' | 'G1', Sample[]> = { F0: [], G1: [] };
  for (let round = 0; round < options.rounds; round++) {
    for (const variant of round % 2 ? (['G1', 'F0'] as const) : (['F0', 'G1'] as const)) {
      samples[variant].push(await sampleRound(h, load, variant === 'F0' ? f0Job : g1Job(perRound)));
    }
  }
  const rows = (['F0', 'G1'] as const).map((variant) => summarize('submitQuizAttempt', variant, samples[variant]));
  rows.splice(1, 0, { scenario: 'submitQuizAttempt', variant: 'F1', rps: 0, p50: 0, p99: 0, cmds: 0, cpu: 0, note: 'no F1 floor (grading not re-implemented by hand)' });
  for (const r of rows) if (!r.note) log(`${r.scenario} ${r.variant}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.cmds.toFixed(2)} cmds/req (${r.names}), CPU µs/req app ${r.cpu.toFixed(0)}, db ${r.dbCpu?.toFixed(0) ?? '?'}${r.invalid ? ` INVALID: ${r.invalid}` : ''}`);
  return rows;
}

/**
 * What the session check costs. Every authenticated request asks SessionsService
 * whether its token's session (`sid`) has ended, so that sign-out, deactivation
 * and password changes stop access tokens within a second on every instance.
 * Three figures: the check on its own (with the list of ended sessions empty and
 * holding 10,000), the same GraphQL query under load with the check as shipped
 * and with the check answered without looking (interleaved rounds: the
 * difference is the per-request cost), and the background poll that keeps each
 * instance's list fresh.
 */
async function measureSessionCheck(h: Harness, load: Load, options: Options): Promise<string> {
  const sessions = h.app.get(SessionsService, { strict: false });
  const perCall = async (): Promise<number> => {
    const calls = 200_000;
    for (let i = 0; i < 10_000; i++) await sessions.isActive(`bench-warm-${i % 100}`);
    const started = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) await sessions.isActive(`bench-check-${i % 1000}`);
    return Number(process.hrtime.bigint() - started) / calls;
  };
  const emptyNs = await perCall();
  // 10,000 sessions ended elsewhere (another instance's sign-outs): the poll picks them up.
  const now = Date.now();
  await h.db.collection<{ _id: string }>('revokedSessions').insertMany(
    Array.from({ length: 10_000 }, (_, i) => ({ _id: `bench-ended-${i}`, revokedAt: new Date(now), expiresAt: new Date(now + 3600_000) })) as never,
  );
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const ended = await sessions.isActive('bench-ended-42');
  const fullNs = await perCall();

  const scenario = SCENARIOS.find((s) => s.name === 'myLearning')!;
  const job: LoadJob = { ...requestFor(h, scenario, 'G1'), seconds: options.seconds, connections: options.connections };
  const shipped = sessions.isActive.bind(sessions);
  const variants = { 'check as shipped': shipped, 'check skipped': async () => true } as const;
  const names = Object.keys(variants) as Array<keyof typeof variants>;
  await load.run({ ...job, seconds: options.warmup });
  await settle(h.meter);
  const samples = new Map<string, Sample[]>(names.map((n) => [n, []]));
  try {
    for (let round = 0; round < options.rounds; round++) {
      for (const name of round % 2 ? [...names].reverse() : names) {
        sessions.isActive = variants[name];
        samples.get(name)!.push(await sampleRound(h, load, job));
      }
    }
  } finally {
    sessions.isActive = shipped;
  }
  const rows = names.map((n) => summarize(`myLearning, ${n}`, 'G1', samples.get(n)!));

  const pollWindowMs = 5000;
  const pollsBefore = h.meter.sessionPolls;
  await new Promise((resolve) => setTimeout(resolve, pollWindowMs));
  const pollsPerSecond = ((h.meter.sessionPolls - pollsBefore) * 1000) / pollWindowMs;
  await h.db.collection('revokedSessions').deleteMany({ _id: { $regex: '^bench-ended-' } } as never);

  const [withCheck, without] = rows;
  const lines = [
    '### Session check (is this access token\'s session still open?)',
    '',
    '| measurement | figure |',
    '|---|---:|',
    `| the check alone, no ended sessions listed | ${emptyNs.toFixed(0)} ns per request |`,
    `| the check alone, 10,000 ended sessions listed | ${fullNs.toFixed(0)} ns per request${ended ? ' (INVALID: a listed session was reported open)' : ''} |`,
    ...rows.map((r) => `| ${r.scenario}: req/s, p50, app CPU | ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, ${r.cpu.toFixed(0)} µs/req, ${r.cmds.toFixed(2)} cmds/req${r.invalid ? ` (INVALID: ${r.invalid})` : ''} |`),
    `| per-request cost under load (difference in app CPU) | ${(withCheck.cpu - without.cpu).toFixed(0)} µs/req (${((100 * (withCheck.cpu - without.cpu)) / Math.max(without.cpu, 1)).toFixed(1)} %) |`,
    `| background poll of the list, per instance | ${pollsPerSecond.toFixed(1)} find/s, whatever the traffic |`,
    '',
  ];
  log(lines.join('\n'));
  return lines.join('\n');
}

function chosen(options: Options, variants: Variant[]): Variant[] {
  return options.variants ? variants.filter((v) => options.variants!.includes(v)) : variants;
}

function summarize(scenario: string, variant: Variant, s: Sample[]): Row {
  const responses = s.reduce((a, x) => a + x.responses, 0);
  const dbCpu = s.every((x) => x.dbCpu !== undefined) ? s.reduce((a, x) => a + x.dbCpu!, 0) : undefined;
  const failures = s.reduce((a, x) => a + x.errors + x.non2xx + x.errorResponses, 0);
  const names = new Map<string, number>();
  for (const x of s) for (const [n, c] of x.names) names.set(n, (names.get(n) ?? 0) + c);
  return {
    scenario,
    variant,
    rps: median(s.map((x) => x.requests / x.seconds)),
    p50: median(s.map((x) => x.p50)),
    p99: median(s.map((x) => x.p99)),
    cmds: responses ? s.reduce((a, x) => a + x.commands, 0) / responses : 0,
    // Summed over the rounds, per request the server started in them (the same window as the commands).
    cpu: responses ? s.reduce((a, x) => a + x.cpu, 0) / responses : 0,
    dbCpu: responses && dbCpu !== undefined ? dbCpu / responses : undefined,
    names: [...names].sort().map(([n, c]) => `${n} ${(c / Math.max(responses, 1)).toFixed(2)}`).join(', '),
    invalid: failures ? `${failures} failed or errored responses under load` : undefined,
  };
}

function mainTable(rows: Row[]): string {
  const lines = [
    '| scenario | variant | req/s | p50 ms | p99 ms | cmds/req | req/s ÷ F1 | req/s ÷ F0 | p99 ÷ F1 p99 | app CPU µs/req | app CPU ÷ F1 | db CPU µs/req |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const f1 = rows.find((x) => x.scenario === r.scenario && x.variant === 'F1');
    const f0 = rows.find((x) => x.scenario === r.scenario && x.variant === 'F0');
    if (r.note) {
      lines.push(`| ${r.scenario} | ${r.variant} | ${r.note} | | | | | | | | | |`);
      continue;
    }
    if (r.invalid) {
      lines.push(`| ${r.scenario} | ${r.variant} | INVALID: ${r.invalid.replace(/\|/g, '/')} | | | | | | | | | |`);
      continue;
    }
    const ratio = (a: number, b?: number) => (b ? (a / b).toFixed(2) : '–');
    lines.push(
      `| ${r.scenario} | ${r.variant} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.cmds.toFixed(2)} | ${ratio(r.rps, f1?.rps)} | ${ratio(r.rps, f0?.rps)} | ${r.variant === 'F0' ? '–' : ratio(r.p99, f1?.p99)} | ${r.cpu.toFixed(0)} | ${ratio(r.cpu, f1?.cpu)} | ${r.dbCpu === undefined ? '–' : r.dbCpu.toFixed(0)} |`,
    );
  }
  return lines.join('\n');
}

/** Commands for one request as the page grows: must be flat. */
async function listGrowth(h: Harness): Promise<string> {
  const lines = [`| scenario | variant | ${LIST_SIZES.map((n) => `${n} items`).join(' | ')} |`, `|---|---|${LIST_SIZES.map(() => '---:').join('|')}|`];
  for (const make of [caseloadScenario, staffComplianceScenario]) {
    for (const variant of ['F1', 'G1'] as Variant[]) {
      const counts: string[] = [];
      for (const n of LIST_SIZES) {
        const scenario = make(n);
        await once(h, scenario, variant);
        const { text, commands } = await once(h, scenario, variant);
        const data = (JSON.parse(text) as { data: Record<string, { nodes: unknown[] }> }).data[scenario.field];
        counts.push(`${commands} (${data.nodes.length} rows)`);
      }
      lines.push(`| ${make(50).name} | ${variant} | ${counts.join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

function growthTable(bySize: Map<number, Row[]>): string {
  const sizes = [...bySize.keys()];
  const base = bySize.get(sizes[0])!;
  const lines = [
    `| scenario | variant | ${sizes.map((s) => `${sizeLabel(s)} p50 ms (× ${sizeLabel(sizes[0])})`).join(' | ')} | ${sizes.map((s) => `${sizeLabel(s)} req/s`).join(' | ')} |`,
    `|---|---|${sizes.map(() => '---:').join('|')}|${sizes.map(() => '---:').join('|')}|`,
  ];
  for (const r of base) {
    const at = sizes.map((s) => bySize.get(s)!.find((x) => x.scenario === r.scenario && x.variant === r.variant));
    const time = at.map((x) => (x && !x.invalid ? `${x.p50} (× ${(x.p50 / Math.max(r.p50, 0.5)).toFixed(2)})` : 'invalid'));
    const rps = at.map((x) => (x && !x.invalid ? x.rps.toFixed(0) : 'invalid'));
    lines.push(`| ${r.scenario} | ${r.variant} | ${time.join(' | ')} | ${rps.join(' | ')} |`);
  }
  return lines.join('\n');
}

function machine(options: Options, engine: string): string {
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
    if (execSync('git status --porcelain', { cwd: ROOT }).toString().trim()) commit += ' (with uncommitted changes)';
  } catch {
    /* not a git checkout */
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return [
    `- date: ${new Date().toISOString()}`,
    `- machine: ${os.availableParallelism()} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}`,
    `- Node ${process.version}, commit ${commit}`,
    `- database: ${engine}, in its own process; load generator (autocannon) in its own process; all on one machine over loopback`,
    `- autocannon: ${options.connections} connections, pipelining 1; ${options.warmup} s warm-up per variant, then ${options.rounds} interleaved rounds of ${options.seconds} s; medians of the rounds`,
  ].join('\n');
}

async function main(): Promise<void> {
  // Each distinct warning once (the app's deprecation warnings would otherwise repeat per request).
  const seen = new Set<string>();
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (seen.has(warning.message)) return;
    seen.add(warning.message);
    log(`warning (shown once): ${warning.name}: ${warning.message}`);
  });
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const engine = process.env.MONGODB_URI ? { uri: process.env.MONGODB_URI, child: undefined } : await startEngine();
  const engineName = process.env.MONGODB_URI ? 'MONGODB_URI' : 'embedded engine (npm run db:embedded)';
  const load = new Load();
  const output: string[] = [];
  try {
    const [first, ...rest] = options.sizes;
    const growthScenarios = [caseloadScenario(50), staffComplianceScenario(50)];
    const bySize = new Map<number, Row[]>();

    const h = await prepare(engine.uri, engine.child?.pid, first, [...SCENARIOS, ...LIST_SIZES.flatMap((n) => [caseloadScenario(n), staffComplianceScenario(n)])]);
    const rows: Row[] = [];
    for (const scenario of SCENARIOS.filter((s) => !options.only || options.only.includes(s.name))) rows.push(...(await measure(h, load, options, scenario, chosen(options, ['F0', 'G0', 'F1', 'G1']))));
    if (!options.only || options.only.includes('submitQuizAttempt')) rows.push(...(await measureSubmit(h, load, options)));
    const lists = await listGrowth(h);
    const sessionCheck = !options.only || options.only.includes('sessionCheck') ? await measureSessionCheck(h, load, options) : undefined;
    if (!process.env.MONGODB_URI && rest.length) await h.db.dropDatabase();
    await h.close();
    bySize.set(
      first,
      rows.filter((r) => growthScenarios.some((s) => s.name === r.scenario) && (r.variant === 'F1' || r.variant === 'G1')),
    );

    for (const size of rest) {
      const hs = await prepare(engine.uri, engine.child?.pid, size, growthScenarios);
      const sizeRows: Row[] = [];
      for (const scenario of growthScenarios) sizeRows.push(...(await measure(hs, load, options, scenario, chosen(options, ['F1', 'G1']))));
      bySize.set(size, sizeRows);
      // The embedded engine keeps everything in memory: free this size before the next.
      if (!process.env.MONGODB_URI) await hs.db.dropDatabase();
      await hs.close();
    }

    output.push(`### ${sizeLabel(first)} learners`, '', mainTable(rows), '');
    output.push(
      '### Command mix per request under load',
      '',
      '| scenario | variant | commands per request |',
      '|---|---|---|',
      ...rows.filter((r) => r.variant !== 'F0' && !r.invalid && !r.note).map((r) => `| ${r.scenario} | ${r.variant} | ${r.names} |`),
      '',
    );
    if (sessionCheck) output.push(sessionCheck);
    output.push(`### Commands per request as lists grow (${sizeLabel(first)} learners)`, '', lists, '');
    if (rest.length) output.push('### Growth (caseload page of 50, staffCompliance page of 50)', '', growthTable(bySize), '');
    output.push(machine(options, engineName), `- total run time: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const text = output.join('\n');
    process.stdout.write(`\n${text}\n`);
    if (options.save) saveResults(text);
  } finally {
    load.stop();
    engine.child?.kill('SIGTERM');
  }
}

/** Replaces the generated block of RESULTS.md, keeping the notes written around it. */
function saveResults(text: string): void {
  const begin = '<!-- bench:begin (written by npm run bench) -->';
  const end = '<!-- bench:end -->';
  const block = `${begin}\n${text}\n${end}`;
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
  const next = current.includes(begin) && current.includes(end)
    ? current.slice(0, current.indexOf(begin)) + block + current.slice(current.indexOf(end) + end.length)
    : `# Benchmark results\n\n${block}\n`;
  writeFileSync(RESULTS, next);
  log(`wrote ${path.relative(ROOT, RESULTS)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
