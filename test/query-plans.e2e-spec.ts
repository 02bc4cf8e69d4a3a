import { getConnectionToken } from '@nestjs/mongoose';
import type { Document } from 'mongodb';
import type { Connection } from 'mongoose';
import { Role } from '../src/auth/principal';
import { expectData, type TestApp } from './support/app';
import { answerKey, answersFor, assessmentOps, bundledLessons, type BundledLesson } from './support/assessment-operations';
import { learningOps, manyLearners } from './support/learning-operations';
import { startClinic, type World } from './support/operations';
import { planOf } from '@waypoint/embedded-mongodb';

/** Commands that look documents up (inserts and cursor follow-ups have no plan). */
const PLANNED = new Set(['find', 'aggregate', 'findAndModify', 'update', 'delete', 'count', 'distinct']);
/** Session and routing fields the driver adds; explain takes the command without them. */
const ENVELOPE = new Set(['lsid', 'txnNumber', 'autocommit', 'startTransaction', 'readConcern', 'writeConcern', 'batchSize', 'cursor', 'maxTimeMS']);

let t: TestApp;
let w: World;
let lessons: BundledLesson[];

beforeAll(async () => {
  ({ t, w } = await startClinic('Plans Clinic'));
  lessons = await bundledLessons(t);
  // Enough rows that a collection scan and an index scan are different plans, as on a real server.
  await manyLearners(t, w.orgId, Role.PATIENT, 30, w.clinician.id);
  await manyLearners(t, w.orgId, Role.STAFF, 10);
  expectData(await learningOps.enroll(t, w.patient.token, 'continuum-of-care'));
  expectData(await learningOps.enroll(t, w.staff.token, 'staff-onboarding'));
}, 90_000);
afterAll(() => t?.close());

/** The planned commands the app sends while `work` runs, as the driver sent them. */
async function plannedCommands(work: () => Promise<unknown>): Promise<Document[]> {
  const client = t.app.get<Connection>(getConnectionToken()).getClient();
  const seen: Document[] = [];
  const listener = (event: { commandName: string; command: Document }) => {
    if (!PLANNED.has(event.commandName)) return;
    seen.push(Object.fromEntries(Object.entries(event.command).filter(([k]) => !k.startsWith('$') && !ENVELOPE.has(k))));
  };
  client.on('commandStarted', listener);
  try {
    await work();
  } finally {
    client.off('commandStarted', listener);
  }
  return seen;
}

/** Each command explained through the driver: those whose plan scans a collection, described. */
async function collectionScans(commands: Document[]): Promise<string[]> {
  const db = t.app.get<Connection>(getConnectionToken()).db!;
  const scans: string[] = [];
  for (const command of commands) {
    const plan = planOf(await db.command({ explain: command, verbosity: 'queryPlanner' }));
    const indexed = plan.stages.some((s) => s === 'IXSCAN' || s === 'IDHACK' || s.startsWith('EXPRESS_'));
    if (!indexed || plan.stages.includes('COLLSCAN')) scans.push(`${Object.keys(command)[0]} ${String(Object.values(command)[0])}: ${plan.stages.join(' > ')}`);
  }
  return scans;
}

const lessonOf = (course: string) => lessons.find((l) => l.courseSlug === course)!;

describe('the hot queries of the app are index scans (asserted through explain)', () => {
  const cases: Array<[string, () => Promise<unknown>]> = [
    ['myLearning', async () => expectData(await learningOps.myLearning(t, w.patient.token))],
    [
      'lesson',
      async () => expectData(await t.gql('query($id: ID!) { lesson(id: $id) { id title quiz { id questionCount } } }', { id: lessonOf('continuum-of-care').lessonId }, w.patient.token)),
    ],
    [
      'recordLessonProgress',
      async () => expectData(await learningOps.recordLessonProgress(t, w.patient.token, { lessonId: lessonOf('continuum-of-care').lessonId, event: 'PROGRESS', positionPercent: 30 })),
    ],
    ['caseload', async () => expectData(await learningOps.caseload(t, w.clinician.token, 10))],
    ['staffCompliance', async () => expectData(await learningOps.staffCompliance(t, w.admin.token, 10))],
    [
      'submitQuizAttempt',
      async () => {
        const { quizId } = lessonOf('continuum-of-care');
        const attempt = expectData(await assessmentOps.startQuizAttempt(t, w.patient.token, quizId)).startQuizAttempt;
        const answers = answersFor(attempt.questions, await answerKey(t, quizId));
        return expectData(await assessmentOps.submitQuizAttempt(t, w.patient.token, attempt.id, answers));
      },
    ],
    [
      'submitQuizAttempt completing a course (the enrollment, the learner with their organization, the record)',
      async () => {
        expectData(await learningOps.enroll(t, w.family.token, 'continuum-of-care'));
        for (const { quizId } of lessons.filter((l) => l.courseSlug === 'continuum-of-care')) {
          const attempt = expectData(await assessmentOps.startQuizAttempt(t, w.family.token, quizId)).startQuizAttempt;
          expectData(await assessmentOps.submitQuizAttempt(t, w.family.token, attempt.id, answersFor(attempt.questions, await answerKey(t, quizId))));
        }
        const records = expectData(await t.gql('{ myCompletionRecords { nodes { courseSlug } } }', {}, w.family.token)).myCompletionRecords.nodes;
        expect(records).toEqual([{ courseSlug: 'continuum-of-care' }]);
      },
    ],
  ];

  it.each(cases)('%s', async (_name, work) => {
    const commands = await plannedCommands(work);
    expect(commands.length).toBeGreaterThan(0);
    expect(await collectionScans(commands)).toEqual([]);
  });
});
