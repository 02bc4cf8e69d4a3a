import { ManualClock } from '../src/common/clock';
import { forbiddenWordIn } from '../src/common/discreet-wording';
import { Scheduler } from '../src/scheduling/scheduler.service';
import { EnrollmentService } from '../modules/enrollment';
import { CoursesService } from '../modules/curriculum/courses.service';
import { importCurriculum } from '../modules/curriculum/import-curriculum';
import { expectData, startTestApp, type TestApp } from './support/app';
import { answerKey, answersFor, assessmentOps, bundledLessons, lessonOf, setQuizSettings } from './support/assessment-operations';
import { learningOps } from './support/learning-operations';
import { buildWorld, consentInput, invited, ops, type Member, type World } from './support/operations';
import { startSmtpServer, type ReceivedMail, type TestSmtp } from './support/smtp';
import { Role } from '../src/auth/principal';
import { Types } from 'mongoose';

const BASE = 'https://portal.example.test';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Midnight UTC today; the organization below keeps its time in UTC, so local hours read as written. */
const D0 = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
const at = (day: number, hour: number, minute = 0) => new Date(D0 + day * DAY + hour * HOUR + minute * 60_000);

const settings = (t: TestApp, token: string, input: Record<string, unknown>) =>
  t.gql(`mutation($input: OrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { timeZone } }`, { input }, token);
const preferences = (t: TestApp, token: string, input: Record<string, unknown>) =>
  t.gql(`mutation($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { remindersEnabled digestEnabled digestDay } }`, { input }, token);
const notifications = (t: TestApp, token: string) => t.gql(`{ myNotifications(first: 20) { nodes { kind title body path } } }`, {}, token);
const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

describe('reminders and the weekly digest, run by the scheduler on an injected clock', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let w: World;
  const clock = new ManualClock();

  /** Moves the clock, runs what is due, and returns the mail that arrived because of it (exactly `count`). */
  async function runAt(when: Date, count: number): Promise<ReceivedMail[]> {
    clock.set(when);
    const before = smtp.received.length;
    await t.app.get(Scheduler).runDue();
    if (count > 0) await smtp.waitFor(before + count);
    await new Promise((r) => setTimeout(r, 250)); // the worker polls every 50 ms: anything extra would be here by now
    const arrived = smtp.received.slice(before);
    expect(arrived.map((m) => `${m.to} ${m.subject}`)).toHaveLength(count);
    return arrived;
  }
  const to = (mails: ReceivedMail[], member: Member) => mails.filter((m) => m.to === member.email);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // The scheduler runs only when the test says (runDue, the harness's default); mail goes out as soon as it is written.
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: BASE, MAIL_POLL_MS: '50' }, { clock });
    await importCurriculum(t.app);
    w = await buildWorld(t, 'Harbor Addiction Recovery Center');
    expectData(await settings(t, w.admin.token, { timeZone: 'UTC', discreetSenderName: 'Harbor Health Portal' }));
    await smtp.waitFor(4); // the world's invitations
  }, 60000);
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('due-soon 48 h ahead and overdue reminders: discreet for clients, once per assignment per day, never in quiet hours, never when off, completed or cancelled', async () => {
    const assign = async (token: string, learner: Member, courseSlug: string, dueAt: Date) =>
      expectData(await learningOps.assignCourse(t, token, { learnerId: learner.id, courseSlug, dueAt: dueAt.toISOString() })).assignCourse.id as string;
    const patientWork = await assign(w.clinician.token, w.patient, 'relapse-prevention-skills', at(4, 12));
    const dropped = await assign(w.clinician.token, w.patient, 'understanding-addiction', at(4, 12));
    await assign(w.clinician.token, w.family, 'family-wellbeing', at(4, 23));
    const staffWork = await assign(w.admin.token, w.staff, 'staff-onboarding', at(4, 12));
    expectData(await t.gql(`mutation($id: ID!) { cancelAssignment(id: $id) { state } }`, { id: dropped }, w.clinician.token));
    expectData(await preferences(t, w.clinician.token, { digestEnabled: false })); // the next test's subject

    await runAt(at(2, 11), 0); // 49 h before: not yet
    const dueSoon = await runAt(at(2, 13), 2); // 47 h before: the patient's remaining assignment and the staff member's
    const [patientMail] = to(dueSoon, w.patient);
    expect(patientMail.subject).toBe('You have a new update from Harbor Health Portal');
    expect(patientMail.fromName).toBe('Harbor Health Portal');
    expect(patientMail.text).toContain(`Open your update: ${BASE}/\n`);
    for (const part of [patientMail.subject, patientMail.text, patientMail.html, patientMail.fromName]) {
      // The greeting holds the test patient's own name, "Pia Patient".
      expect(forbiddenWordIn(part.replaceAll('Pia Patient', 'Pia'))).toBeNull();
      expect(part).not.toMatch(/Relapse Prevention|relapse-prevention|Harbor Addiction/);
    }
    expect(patientMail.raw.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toContain(`${BASE}/unsubscribe/`);
    const [staffMail] = to(dueSoon, w.staff);
    expect(staffMail.subject).toMatch(/^Due .+: .+/);
    expect(staffMail.text).toContain(`${BASE}/courses/staff-onboarding`);

    await runAt(at(2, 15), 0); // the same day again: nothing twice
    await runAt(at(2, 23, 30), 0); // the family member's window opened at 23:00, inside quiet hours (21:00–08:00)
    const afterQuiet = await runAt(at(3, 8), 1); // it goes out when they end
    expect(to(afterQuiet, w.family)).toHaveLength(1);
    expect(forbiddenWordIn(afterQuiet[0].subject + afterQuiet[0].text + afterQuiet[0].html + afterQuiet[0].fromName)).toBeNull();

    // Assigned now, due at 18:00 the next day; the family member switches reminders off; the staff member finishes the course.
    const lateWork = await assign(w.clinician.token, w.patient, 'starting-iop', at(4, 18));
    expectData(await preferences(t, w.family.token, { remindersEnabled: false }));
    await t.app.get(EnrollmentService).markCompleted(w.orgId, new Types.ObjectId(w.staff.id), 'staff-onboarding', at(3, 9));
    expect(staffWork).toBeDefined();

    // Past due at noon: an overdue reminder for it, and the 18:00 assignment is due soon: two for the patient, none for the staff member.
    const day4 = await runAt(at(4, 13), 2);
    expect(to(day4, w.patient)).toHaveLength(2);
    await runAt(at(4, 19), 0); // the 18:00 assignment is overdue now, but it had its reminder today
    await runAt(at(4, 23, 30), 0); // quiet hours (and the family member's is off anyway)
    const day5 = await runAt(at(5, 8), 1);
    expect(to(day5, w.patient)).toHaveLength(1);
    await runAt(at(6, 9), 0);
    const aWeekLate = await runAt(at(11, 13), 1); // weekly while it stays open
    expect(to(aWeekLate, w.patient)).toHaveLength(1);

    const inApp = expectData(await notifications(t, w.patient.token)).myNotifications.nodes as Array<{ kind: string; title: string; path: string }>;
    expect(inApp.filter((n) => n.kind === 'DUE_SOON' || n.kind === 'OVERDUE')).toHaveLength(5);
    for (const n of inApp) expect(n).toMatchObject({ title: 'You have a new update from Harbor Health Portal', path: '/' });
    for (const id of [patientWork, lateWork]) expectData(await t.gql(`mutation($id: ID!) { cancelAssignment(id: $id) { state } }`, { id }, w.clinician.token));
  });

  it('the weekly digest reaches each clinician once, on their day, with counts over their own caseload and no client in the subject', async () => {
    const start = smtp.received.length;
    const org2 = await buildWorld(t, 'Second Clinic');
    expectData(await settings(t, org2.admin.token, { timeZone: 'UTC' }));
    const other = await invited(t, org2.admin, Role.CLINICIAN, 'Otto Other');
    const lessons = await bundledLessons(t);
    // In the caseload: one overdue assignment, one flagged reflection, one learner out of attempts, one consent ending within 14 days.
    const now = clock.now();
    expectData(await learningOps.assignCourse(t, org2.clinician.token, { learnerId: org2.patient.id, courseSlug: 'starting-iop', dueAt: new Date(now.getTime() + HOUR).toISOString() }));
    const reflectionLesson = lessonOf(lessons, 'relapse-prevention-skills', 'triggers-and-cravings');
    const prompt = (await t.app.get(CoursesService).lessonWithCourse(reflectionLesson.lessonId))!.lesson.reflectionPrompts[0].id;
    expect(expectData(await assessmentOps.submitReflection(t, org2.patient.token, { lessonId: reflectionLesson.lessonId, promptId: prompt, text: 'Some nights I think about ending my life.' })).submitReflection.safety.flagged).toBe(true);
    const quizLesson = lessonOf(lessons, 'understanding-addiction', 'what-addiction-is');
    await setQuizSettings(t, quizLesson.quizId, { maxAttempts: 1, cooldownMinutes: undefined });
    expectData(await learningOps.enroll(t, org2.patient.token, 'understanding-addiction'));
    expectData(await learningOps.recordLessonProgress(t, org2.patient.token, { lessonId: quizLesson.lessonId, event: 'COMPLETED' }));
    const attempt = expectData(await assessmentOps.startQuizAttempt(t, org2.patient.token, quizLesson.quizId)).startQuizAttempt;
    const failed = expectData(await assessmentOps.submitQuizAttempt(t, org2.patient.token, attempt.id, answersFor(attempt.questions, await answerKey(t, quizLesson.quizId), 0)));
    expect(failed.submitQuizAttempt.standing.outOfAttempts).toBe(true);
    expectData(await ops.grantFamilyConsent(t, org2.patient.token, consentInput(org2.family.id, { expiresAt: new Date(now.getTime() + 20 * DAY).toISOString() })));
    // Reminders are not this test's subject: the patient has them off.
    expectData(await preferences(t, org2.patient.token, { remindersEnabled: false }));
    await smtp.waitFor(start + 7); // five invitations and the two care-team alerts those requests wrote
    await new Promise((r) => setTimeout(r, 300));

    // The digest day: a day a few days on, so the overdue work is overdue and the consent ends within 14 days.
    const digestAt = at(Math.floor((now.getTime() - D0) / DAY) + 8, 7);
    const weekday = WEEKDAYS[digestAt.getUTCDay()];
    expectData(await preferences(t, org2.clinician.token, { digestDay: weekday }));
    expectData(await preferences(t, other.token, { digestDay: weekday }));
    expectData(await preferences(t, w.clinician.token, { digestEnabled: true, digestDay: WEEKDAYS[(digestAt.getUTCDay() + 1) % 7] }));

    const isDigest = (m: ReceivedMail) => m.subject === 'Your weekly summary';
    clock.set(new Date(digestAt.getTime() - 2 * DAY));
    await t.app.get(Scheduler).runDue();
    const early = await runAt(digestAt, 0); // 07:00: still quiet hours
    expect(early.filter(isDigest)).toEqual([]);
    const digests = (await runAt(new Date(digestAt.getTime() + HOUR), 2)).filter(isDigest);
    const mine = to(digests, org2.clinician);
    expect(mine).toHaveLength(1);
    expect(mine[0].text).toContain('1 overdue assignments, 1 flagged reflections waiting, 1 learners stuck on a quiz with no attempt left, 1 consents ending in the next 14 days.');
    expect(mine[0].text).toContain(`${BASE}/staff/caseload`);
    expect(mine[0].text).not.toMatch(/Pia|ending my life/);
    expect(mine[0].raw.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toContain(`${BASE}/unsubscribe/`);
    expect(to(digests, other)[0].text).toContain('0 overdue assignments, 0 flagged reflections waiting, 0 learners stuck on a quiz with no attempt left, 0 consents ending in the next 14 days.');

    await runAt(new Date(digestAt.getTime() + 5 * HOUR), 0); // once that day
    expect((await runAt(new Date(digestAt.getTime() + DAY + 2 * HOUR), 1)).filter(isDigest).map((m) => m.to)).toEqual([w.clinician.email]); // the first clinician's day
    expectData(await preferences(t, other.token, { digestEnabled: false }));
    const nextWeek = await runAt(new Date(digestAt.getTime() + 7 * DAY + 2 * HOUR), 1);
    expect(nextWeek.map((m) => m.to)).toEqual([org2.clinician.email]);
  });
});
