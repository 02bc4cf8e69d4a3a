import { ManualClock } from '../src/common/clock';
import { CoursesService } from '../modules/curriculum/courses.service';
import { importCurriculum } from '../modules/curriculum/import-curriculum';
import { expectData, startTestApp, type TestApp } from './support/app';
import { assessmentOps, bundledLessons, lessonOf } from './support/assessment-operations';
import { learningOps } from './support/learning-operations';
import { buildWorld, type World } from './support/operations';
import { startSmtpServer, type ReceivedMail, type TestSmtp } from './support/smtp';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const D0 = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
const at = (day: number, hour: number) => new Date(D0 + day * DAY + hour * HOUR);
const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/**
 * Issue 13's "done when", with two service instances on one database and a real SMTP
 * server: both poll every 50 ms (config), so they really compete for every scheduled run
 * and every message, and each message still arrives once.
 */
describe('two instances, one database, real SMTP', () => {
  let smtp: TestSmtp;
  let a: TestApp;
  let b: TestApp;
  let w: World;
  const clock = new ManualClock();

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const env = { SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'https://portal.example.test', MAIL_POLL_MS: '50', SCHEDULER_POLL_MS: '50' };
    a = await startTestApp(env, { clock });
    b = await startTestApp(env, { clock, dbName: a.dbName });
    await importCurriculum(a.app);
    w = await buildWorld(a, 'Twin Clinic');
    expectData(await a.gql(`mutation { updateOrganizationSettings(input: { timeZone: "UTC" }) { timeZone } }`, {}, w.admin.token));
  }, 60000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await smtp?.stop();
  });

  /** Waits for `count` messages in all, then long enough for either instance to send a duplicate (many polls). */
  async function settled(count: number): Promise<ReceivedMail[]> {
    await smtp.waitFor(count, 20000);
    await new Promise((r) => setTimeout(r, 800));
    return smtp.received;
  }
  const count = (mails: ReceivedMail[], to: string, subject?: string) => mails.filter((m) => m.to === to && (subject === undefined || m.subject === subject)).length;

  it('an invitation, a flagged-reflection alert, a due-soon reminder, a digest and an overdue reminder each arrive exactly once', async () => {
    let mails = await settled(4);
    for (const member of [w.clinician, w.staff, w.patient, w.family]) expect(count(mails, member.email)).toBe(1);

    // Requests go to either instance.
    expectData(await learningOps.assignCourse(b, w.clinician.token, { learnerId: w.patient.id, courseSlug: 'relapse-prevention-skills', dueAt: at(4, 12).toISOString() }));
    const lesson = lessonOf(await bundledLessons(b), 'relapse-prevention-skills', 'triggers-and-cravings');
    const prompt = (await b.app.get(CoursesService).lessonWithCourse(lesson.lessonId))!.lesson.reflectionPrompts[0].id;
    const saved = expectData(await assessmentOps.submitReflection(b, w.patient.token, { lessonId: lesson.lessonId, promptId: prompt, text: 'Some nights I think about ending my life.' }));
    expect(saved.submitReflection.safety.flagged).toBe(true);
    mails = await settled(5);
    expect(count(mails, w.clinician.email, 'A reflection needs review now')).toBe(1);

    // The clinician's digest day is day 2; at 13:00 that day the assignment is 47 h from due.
    expectData(
      await a.gql(`mutation($d: Weekday!) { updateNotificationPreferences(input: { digestDay: $d }) { digestDay } }`, { d: WEEKDAYS[at(2, 13).getUTCDay()] }, w.clinician.token),
    );
    clock.set(at(2, 13));
    mails = (await settled(7)).slice(5);
    expect(count(mails, w.patient.email, 'You have a new update from Waypoint')).toBe(1);
    expect(count(mails, w.clinician.email, 'Your weekly summary')).toBe(1);

    clock.set(at(4, 13));
    mails = await settled(8);
    expect(count(mails.slice(7), w.patient.email, 'You have a new update from Waypoint')).toBe(1);
    expect(mails).toHaveLength(8);
    // Each message went through SMTP once: no Message-ID twice.
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(8);
  });
});
