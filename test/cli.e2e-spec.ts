import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';
import { testDatabase } from './support/test-database';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const { uri, dbName } = testDatabase();

/** `npm run cli -- …` as an operator runs it, against this file's database. */
function cli(...args: string[]) {
  return run(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, MONGODB_URI: uri, MONGODB_DB_NAME: dbName, LOG_LEVEL: 'error', CI: 'true' },
    timeout: 60_000,
  });
}

let client: MongoClient;
beforeAll(async () => {
  client = await MongoClient.connect(uri);
});
afterAll(async () => {
  await client.db(dbName).dropDatabase();
  await client.close();
});

it('org create makes an organization and its first admin and prints their ids', async () => {
  const { stdout } = await cli('org', 'create', '--name', 'Harbor Recovery', '--admin-email', 'Admin@Harbor.example', '--admin-password', 'a long passphrase here');
  const orgId = /organization (\w{24}) \(harbor-recovery\)/.exec(stdout)?.[1];
  const adminId = /admin\s+(\w{24}) \(admin@harbor\.example\)/.exec(stdout)?.[1];
  expect(orgId).toBeDefined();
  const admin = await client.db(dbName).collection('users').findOne({ email: 'admin@harbor.example' });
  expect(admin).toMatchObject({ role: 'ADMIN' });
  expect(admin!._id.toHexString()).toBe(adminId);
  expect(admin!.orgId.toHexString()).toBe(orgId);
  expect(admin!.passwordHash).toMatch(/^\$argon2id\$/);
}, 60_000);

it('org create refuses a weak password with the policy, and leaves no organization behind', async () => {
  await expect(cli('org', 'create', '--name', 'Weak Clinic', '--admin-email', 'weak@clinic.example', '--admin-password', 'short')).rejects.toMatchObject({
    code: 1,
    stderr: expect.stringMatching(/at least 12 characters/),
  });
  expect(await client.db(dbName).collection('organizations').countDocuments({ slug: 'weak-clinic' })).toBe(0);
}, 60_000);

it('curriculum import adds the ten courses, and a second run changes nothing and says so', async () => {
  const first = await cli('curriculum', 'import');
  expect(first.stdout).toMatch(/added confidentiality-essentials, continuum-of-care, family-dynamics-and-recovery, family-wellbeing, recovery-supports, relapse-prevention-skills, staff-clinical-practice, staff-onboarding, starting-iop, understanding-addiction/);
  expect(first.stderr).toMatch(/importing .* \(1\/10\)/); // plain progress lines when not on a terminal
  const second = await cli('curriculum', 'import');
  expect(second.stdout).toMatch(/Nothing changed: 10 course\(s\) already up to date\./);
  expect(await client.db(dbName).collection('courses').countDocuments()).toBe(10);
}, 90_000);

it('curriculum import refuses broken content and writes nothing', async () => {
  const broken = join(ROOT, 'test', 'fixtures', 'curriculum', 'missing-rationale');
  await expect(cli('curriculum', 'import', broken)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/nothing was imported/) });
  expect(await client.db(dbName).collection('courses').countDocuments()).toBe(10);
}, 60_000);
