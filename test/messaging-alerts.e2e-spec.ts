import { ManualClock } from '../src/common/clock';
import { Scheduler } from '../src/scheduling/scheduler.service';
import { CoursesService } from '../modules/curriculum/courses.service';
import { expectData, startTestApp, type TestApp } from './support/app';
import { assessmentOps, bundledLessons, lessonOf } from './support/assessment-operations';
import { startClinic, type World } from './support/operations';
import { startSmtpServer, type TestSmtp } from './support/smtp';

const notifications = (t: TestApp, token: string) =>
  t.gql(`{ myNotifications(first: 10) { unreadCount nodes { id kind title body path readAt } pageInfo { hasNextPage } } }`, {}, token);
const markRead = (t: TestApp, token: string, ids: string[]) => t.gql(`mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) }`, { input: { ids } }, token);

describe('care-team alerts', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    ({ t, w } = await startClinic('Alert Clinic', { SMTP_URL: smtp.url }));
    await smtp.waitFor(4);
  }, 60000);
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('a flagged reflection reaches the client’s clinician by mail within a minute, without its words, and in the app', async () => {
    const lessons = await bundledLessons(t);
    const { lessonId } = lessonOf(lessons, 'relapse-prevention-skills', 'triggers-and-cravings');
    const found = await t.app.get(CoursesService).lessonWithCourse(lessonId);
    const before = smtp.received.length;
    const started = Date.now();
    const text = 'Some nights I think about ending my life.';
    const saved = expectData(await assessmentOps.submitReflection(t, w.patient.token, { lessonId, promptId: found!.lesson.reflectionPrompts[0].id, text })).submitReflection;
    expect(saved.safety.flagged).toBe(true);
    const [alert] = (await smtp.waitFor(before + 1)).slice(before);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(alert.to).toBe(w.clinician.email);
    expect(alert.subject).toBe('A reflection needs review now');
    expect(alert.text).not.toContain('ending my life');
    expect(alert.text).not.toContain('Pia');
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.slice(before)).toHaveLength(1);

    const list = expectData(await notifications(t, w.clinician.token)).myNotifications;
    expect(list.unreadCount).toBe(1);
    expect(list.nodes[0]).toMatchObject({ kind: 'REFLECTION_FLAGGED', title: 'A reflection needs review now', path: '/staff/review', readAt: null });
    // Someone else's ids change nothing; one's own are marked read.
    expect(expectData(await markRead(t, w.patient.token, [list.nodes[0].id])).markNotificationsRead).toBe(0);
    expect(expectData(await markRead(t, w.clinician.token, [list.nodes[0].id])).markNotificationsRead).toBe(1);
    expect(expectData(await notifications(t, w.clinician.token)).myNotifications.unreadCount).toBe(0);
  });
});

describe('scheduled jobs', () => {
  it('with two instances on one database, each run happens on exactly one, and time moves only when the clock does', async () => {
    const clock = new ManualClock('2026-03-02T12:00:00Z');
    const a = await startTestApp({}, { clock });
    const b = await startTestApp({}, { clock, dbName: a.dbName });
    try {
      const runs: Array<{ instance: string; at: string }> = [];
      for (const [label, app] of [['a', a], ['b', b]] as const) {
        app.app.get(Scheduler).define({ name: 'test-tick', everyMs: 60 * 60_000, run: async (now) => void runs.push({ instance: label, at: now.toISOString() }) });
      }
      const both = () => Promise.all([a.app.get(Scheduler).runDue(), b.app.get(Scheduler).runDue(), a.app.get(Scheduler).runDue(), b.app.get(Scheduler).runDue()]);
      await both();
      expect(runs).toHaveLength(1);
      clock.advance(59 * 60_000);
      await both();
      expect(runs).toHaveLength(1);
      clock.advance(60_000);
      await both();
      expect(runs.map((r) => r.at)).toEqual(['2026-03-02T12:00:00.000Z', '2026-03-02T13:00:00.000Z']);
    } finally {
      await b.close();
      await a.close();
    }
  });
});
