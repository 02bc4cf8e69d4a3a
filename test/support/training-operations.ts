import { randomUUID } from 'node:crypto';
import { Scheduler } from '../../src/scheduling/scheduler.service';
import { answerKey, answersFor, assessmentOps } from './assessment-operations';
import { expectData, type TestApp } from './app';
import { learningOps } from './learning-operations';
import type { Member } from './operations';

const REQUIREMENT = 'id name courseSlug roles cohortId firstDue { kind days month day } recurrence { kind months month day } validityMonths dueSoonDays archivedAt';
const ROW = 'staff { id role } courseSlug status dueAt requirement { id name } compliance dueOn validUntil lastCompletedAt';

/** One helper per training operation, so tests read as what an admin or a staff member does. */
export const trainingOps = {
  createTrainingRequirement: (t: TestApp, token: string, input: Record<string, unknown>) =>
    t.gql(`mutation($i: CreateTrainingRequirementInput!) { createTrainingRequirement(input: $i) { ${REQUIREMENT} } }`, { i: input }, token),
  updateTrainingRequirement: (t: TestApp, token: string, id: string, input: Record<string, unknown>) =>
    t.gql(`mutation($id: ID!, $i: UpdateTrainingRequirementInput!) { updateTrainingRequirement(id: $id, input: $i) { ${REQUIREMENT} } }`, { id, i: input }, token),
  archiveTrainingRequirement: (t: TestApp, token: string, id: string) =>
    t.gql(`mutation($id: ID!) { archiveTrainingRequirement(id: $id) { ${REQUIREMENT} } }`, { id }, token),
  trainingRequirements: (t: TestApp, token: string, includeArchived = false) =>
    t.gql(`query($a: Boolean!) { trainingRequirements(includeArchived: $a) { ${REQUIREMENT} } }`, { a: includeArchived }, token),
  staffCompliance: (t: TestApp, token: string, args: { status?: string[]; requirementId?: string; role?: string; first?: number } = {}) =>
    t.gql(
      `query($s: [ComplianceStatus!], $r: ID, $role: Role, $f: Int) { staffCompliance(status: $s, requirementId: $r, role: $role, first: $f) { nodes { ${ROW} } pageInfo { hasNextPage } } }`,
      { s: args.status, r: args.requirementId, role: args.role, f: args.first ?? 100 },
      token,
    ),
  updateTrainingGate: (t: TestApp, token: string, gate: Record<string, unknown>) =>
    t.gql(`mutation($i: OrganizationSettingsInput!) { updateOrganizationSettings(input: $i) { trainingGate { enabled requirementIds exemptAdmins } } }`, { i: { trainingGate: gate } }, token),
};

/** A staff member takes a course through the API: every lesson read to the end, every quiz passed. */
export async function completeCourse(t: TestApp, member: Member, courseSlug: string): Promise<void> {
  for (const lesson of await learningOps.courseLessons(t, member.token, courseSlug)) {
    expectData(await learningOps.recordLessonProgress(t, member.token, { lessonId: lesson.id, event: 'COMPLETED', clientEventId: randomUUID() }));
    if (!lesson.quizId) continue;
    const attempt = expectData(await assessmentOps.startQuizAttempt(t, member.token, lesson.quizId)).startQuizAttempt;
    const key = await answerKey(t, lesson.quizId);
    expect(expectData(await assessmentOps.submitQuizAttempt(t, member.token, attempt.id, answersFor(attempt.questions, key))).submitQuizAttempt.passed).toBe(true);
  }
}

/** The scheduled work, run as the scheduler runs it when its time comes. */
export async function runScheduledWork(t: TestApp): Promise<string[]> {
  return t.app.get(Scheduler).runDue();
}
