import { randomUUID } from 'node:crypto';
import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { Types } from 'mongoose';
import { Role } from '../../src/auth/principal';
import { User } from '../../modules/identity/schemas/user.schema';
import { hashPassword } from '../../modules/identity/passwords';
import { expectData, type TestApp } from './app';
import { PASSWORD, signIn, type Member } from './operations';

const ITEM = `enrollmentId courseSlug courseTitle source dueAt note status percent completedLessons totalLessons blockedBy completedAt
  nextLesson { lessonId slug title }
  lessons { lessonId slug title required assigned status positionPercent locked lockReason }`;

export const learningOps = {
  enroll: (t: TestApp, token: string, courseSlug: string) =>
    t.gql(`mutation($s: String!) { enroll(courseSlug: $s) { id courseSlug source state } }`, { s: courseSlug }, token),
  assignCourse: (t: TestApp, token: string, input: Record<string, unknown>) =>
    t.gql(`mutation($i: AssignCourseInput!) { assignCourse(input: $i) { id learnerId courseSlug source lessonSlugs dueAt note state } }`, { i: input }, token),
  cancelAssignment: (t: TestApp, token: string, id: string) =>
    t.gql(`mutation($id: ID!) { cancelAssignment(id: $id) { id state cancelledAt } }`, { id }, token),
  createCohort: (t: TestApp, token: string, name: string, memberIds: string[]) =>
    t.gql(`mutation($i: CreateCohortInput!) { createCohort(input: $i) { id name size memberIds } }`, { i: { name, memberIds } }, token),
  addToCohort: (t: TestApp, token: string, cohortId: string, memberIds: string[]) =>
    t.gql(`mutation($c: ID!, $m: [ID!]!) { addToCohort(cohortId: $c, memberIds: $m) { id size } }`, { c: cohortId, m: memberIds }, token),
  removeFromCohort: (t: TestApp, token: string, cohortId: string, memberIds: string[]) =>
    t.gql(`mutation($c: ID!, $m: [ID!]!) { removeFromCohort(cohortId: $c, memberIds: $m) { id size memberIds } }`, { c: cohortId, m: memberIds }, token),
  assignCohort: (t: TestApp, token: string, input: Record<string, unknown>) =>
    t.gql(`mutation($i: AssignCohortInput!) { assignCohort(input: $i) { cohort { id size } enrollments { id learnerId courseSlug source } } }`, { i: input }, token),
  recordLessonProgress: (t: TestApp, token: string, input: { lessonId: string; event: string; positionPercent?: number; secondsSpent?: number; clientEventId?: string }) =>
    t.gql(
      `mutation($i: RecordLessonProgressInput!) { recordLessonProgress(input: $i) { courseSlug lessonSlug status positionPercent secondsSpent quizPassed completedAt duplicate } }`,
      { i: { clientEventId: randomUUID(), ...input } },
      token,
    ),
  myLearning: (t: TestApp, token: string) => t.gql(`{ myLearning { ${ITEM} } }`, {}, token),
  learnerProgress: (t: TestApp, token: string, learnerId: string) =>
    t.gql(`query($id: ID!) { learnerProgress(learnerId: $id) { learner { id displayName email } items { ${ITEM} } redisclosureNotice } }`, { id: learnerId }, token),
  caseload: (t: TestApp, token: string, first = 50, after?: string) =>
    t.gql(
      `query($f: Int, $a: String) { caseload(first: $f, after: $a) { nodes { learner { id role } overdueCount items { courseSlug status percent nextLesson { slug } } } pageInfo { hasNextPage endCursor } } }`,
      { f: first, a: after },
      token,
    ),
  staffCompliance: (t: TestApp, token: string, first = 50) =>
    t.gql(`query($f: Int) { staffCompliance(first: $f) { nodes { staff { id } courseSlug dueAt status percent } pageInfo { hasNextPage } } }`, { f: first }, token),
  courseLessons: async (t: TestApp, token: string, slug: string): Promise<Array<{ id: string; slug: string; quizId?: string }>> =>
    expectData(await t.gql(`query($s: String!) { course(slug: $s) { lessons { id slug quizId } } }`, { s: slug }, token)).course.lessons,
};

let hash: Promise<string> | undefined;
let counter = 0;

/**
 * Many learners fast: written straight to the users collection with one shared
 * password hash (argon2 per user would dominate the test's time). For tests that
 * need volume, not the invite flow, which operations.ts covers.
 */
export async function manyLearners(t: TestApp, orgId: string, role: Role, count: number, clinicianId?: string): Promise<string[]> {
  hash ??= hashPassword(PASSWORD);
  const users = t.app.get<Model<User>>(getModelToken(User.name));
  const docs = Array.from({ length: count }, () => ({
    orgId: new Types.ObjectId(orgId),
    email: `bulk-${role.toLowerCase()}-${process.pid}-${++counter}@example.test`,
    role,
    displayName: `Learner ${counter}`,
    passwordHash: '',
    careTeam: clinicianId ? [new Types.ObjectId(clinicianId)] : undefined,
    hiredAt: role === Role.STAFF ? new Date() : undefined,
  }));
  const passwordHash = await hash;
  const created = await users.insertMany(docs.map((d) => ({ ...d, passwordHash })));
  return created.map((u) => u._id.toHexString());
}

export async function signInBulk(t: TestApp, learnerId: string, role: Role): Promise<Member> {
  const users = t.app.get<Model<User>>(getModelToken(User.name));
  const user = await users.findById(learnerId).lean();
  return signIn(t, user!.email, role);
}

/** Counts the database commands the driver sends while `work` runs (handshakes and monitoring excluded). */
/**
 * The mail worker, the scheduler and the session-revocation refresh poll these in the
 * background; they are not a request's cost.
 */
const BACKGROUND_COLLECTIONS = ['outboxMessages', 'scheduledJobs', 'revokedSessions'];

export function isBackgroundCommand(event: { commandName: string; command?: Record<string, unknown> }): boolean {
  return BACKGROUND_COLLECTIONS.includes(String(event.command?.[event.commandName]));
}

export async function countCommands(t: TestApp, work: () => Promise<unknown>): Promise<{ count: number; names: string[] }> {
  const client = t.app.get<Connection>(getConnectionToken()).getClient();
  const names: string[] = [];
  const listener = (event: { commandName: string; command?: Record<string, unknown> }) => {
    if (!isBackgroundCommand(event) && !['hello', 'isMaster', 'ismaster', 'ping', 'endSessions'].includes(event.commandName)) names.push(event.commandName);
  };
  client.on('commandStarted', listener);
  try {
    await work();
  } finally {
    client.off('commandStarted', listener);
  }
  return { count: names.length, names };
}
