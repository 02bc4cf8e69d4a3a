import { Role } from '../src/auth/principal';
import { ManualClock } from '../src/common/clock';
import { importCurriculum } from '../modules/curriculum/import-curriculum';
import { errorCode, expectData, startTestApp, type TestApp } from './support/app';
import { httpGet } from './support/credentials-operations';
import { learningOps } from './support/learning-operations';
import { buildWorld, invited, ops as coreOps, type Member, type World } from './support/operations';
import { completeCourse, runScheduledWork, trainingOps as ops } from './support/training-operations';

const COURSE = 'confidentiality-essentials';
const DAY_MS = 86_400_000;
// Day 0 is 2030-01-07, 10:00 in New York (the organization's time zone). No February 29
// falls between day 10 and day 375, so "12 months after day 10" is day 375: 2031-01-17.
// (In the future: expiry indexes sweep by the real time, and invites must outlive the test.)
const DAY_0 = Date.parse('2030-01-07T15:00:00Z');
const onDay = (n: number) => new Date(DAY_0 + n * DAY_MS);
const localDayOf = (n: number) => onDay(n).toISOString().slice(0, 10);

const ORIENTATION = {
  name: 'Confidentiality: 30-day orientation, then yearly',
  courseSlug: COURSE,
  roles: [Role.STAFF],
  firstDue: { kind: 'AFTER_START', days: 30 },
  recurrence: { kind: 'MONTHS_AFTER_COMPLETION', months: 12 },
  validityMonths: 12,
};

interface Row {
  staff: { id: string };
  compliance: string;
  dueOn?: string;
  validUntil?: string;
  requirement?: { id: string };
  status: string;
  lastCompletedAt?: string;
}

describe('training requirements, expiring records and staff compliance', () => {
  const clock = new ManualClock(onDay(0));
  let t: TestApp;
  let w: World;
  let hiredToday: Member;
  let neverTrains: Member;
  let orientationId: string;

  const rowOf = async (member: Member, requirementId: string): Promise<Row> => {
    const rows: Row[] = expectData(await ops.staffCompliance(t, w.admin.token, { requirementId })).staffCompliance.nodes;
    return rows.find((r) => r.staff.id === member.id)!;
  };
  const standing = async (member: Member, day: number, requirementId = orientationId) => {
    clock.set(onDay(day));
    return (await rowOf(member, requirementId)).compliance;
  };

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    await importCurriculum(t.app);
    w = await buildWorld(t, 'Training Clinic');
    hiredToday = await invited(t, w.admin, Role.STAFF, 'Hana Hired');
    neverTrains = await invited(t, w.admin, Role.STAFF, 'Nico Never');
  }, 60000);
  afterAll(() => t?.close());

  describe('requirements', () => {
    it('an admin defines one; it lists, changes and archives', async () => {
      const created = expectData(await ops.createTrainingRequirement(t, w.admin.token, { ...ORIENTATION, name: 'Draft' })).createTrainingRequirement;
      expect(created).toMatchObject({ name: 'Draft', courseSlug: COURSE, roles: ['STAFF'], firstDue: { kind: 'AFTER_START', days: 30 }, validityMonths: 12, dueSoonDays: 30 });
      const updated = expectData(await ops.updateTrainingRequirement(t, w.admin.token, created.id, { dueSoonDays: 14, validityMonths: null })).updateTrainingRequirement;
      expect(updated).toMatchObject({ name: 'Draft', dueSoonDays: 14, validityMonths: null });
      expect(expectData(await ops.trainingRequirements(t, w.admin.token)).trainingRequirements.map((r: { id: string }) => r.id)).toContain(created.id);
      expect(expectData(await ops.archiveTrainingRequirement(t, w.admin.token, created.id)).archiveTrainingRequirement.archivedAt).toBeTruthy();
      expect(expectData(await ops.trainingRequirements(t, w.admin.token)).trainingRequirements.map((r: { id: string }) => r.id)).not.toContain(created.id);
      expect(expectData(await ops.trainingRequirements(t, w.admin.token, true)).trainingRequirements.map((r: { id: string }) => r.id)).toContain(created.id);
      // Each change is in the audit trail, by whom and on which requirement.
      const trail = expectData(await coreOps.auditEvents(t, w.admin.token, { actorId: w.admin.id })).auditEvents.nodes as Array<{ action: string; subjectType: string }>;
      expect(trail.filter((e) => e.subjectType === 'TRAINING_REQUIREMENT').map((e) => e.action).sort()).toEqual([
        'TRAINING_REQUIREMENT_ARCHIVED',
        'TRAINING_REQUIREMENT_CHANGED',
        'TRAINING_REQUIREMENT_CREATED',
      ]);
    });

    it.each([
      ['a patient course', { courseSlug: 'relapse-prevention-skills' }, 'not a staff course'],
      ['a course that does not exist', { courseSlug: 'no-such-course' }, 'no course'],
      ['a client role', { roles: [Role.PATIENT] }, 'not a staff role'],
      ['nobody', { roles: [] }, 'Say who'],
      ['February 30', { firstDue: { kind: 'FIXED_DATE', month: 2, day: 30 } }, 'no day 30'],
      ['a yearly date without its day', { recurrence: { kind: 'ANNUAL_DATE', month: 1 } }, 'recurrence.day'],
    ])('refuses %s with a message that says what to fix', async (_, change, message) => {
      const res = await ops.createTrainingRequirement(t, w.admin.token, { ...ORIENTATION, ...change });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toContain(message);
    });

    it.each([
      ['clinician', (x: World) => x.clinician],
      ['staff', (x: World) => x.staff],
    ])('a %s may not define requirements or read staff compliance', async (_, who) => {
      expect(errorCode(await ops.createTrainingRequirement(t, who(w).token, ORIENTATION))).toBe('FORBIDDEN');
      expect(errorCode(await ops.staffCompliance(t, who(w).token))).toBe('FORBIDDEN');
    });
  });

  describe('a staff member hired today, with a 30-day orientation and an annual refresher', () => {
    beforeAll(async () => {
      clock.set(onDay(0));
      orientationId = expectData(await ops.createTrainingRequirement(t, w.admin.token, ORIENTATION)).createTrainingRequirement.id;
    });

    it('is assigned the course by the scheduled work, due in 30 days', async () => {
      clock.set(new Date(onDay(0).getTime() + 2 * 3_600_000)); // the job runs hourly; its first run was at start-up
      await runScheduledWork(t);
      const item = expectData(await learningOps.myLearning(t, hiredToday.token)).myLearning.find((i: { courseSlug: string }) => i.courseSlug === COURSE);
      expect(item).toMatchObject({ status: 'NOT_STARTED' });
      expect(new Date(item.dueAt).toISOString().slice(0, 10)).toBe(localDayOf(31)); // 23:59 local on day 30 is early next morning UTC
      expect(await rowOf(hiredToday, orientationId)).toMatchObject({ compliance: 'DUE_SOON', dueOn: localDayOf(30), validUntil: null, status: 'NOT_STARTED' });
    });

    it('never completed: overdue on day 31', async () => {
      expect(await standing(neverTrains, 30)).toBe('DUE_SOON');
      expect(await standing(neverTrains, 31)).toBe('OVERDUE');
    });

    it('completed on day 10: compliant until day 375, due soon from day 345, expired on day 376', async () => {
      clock.set(onDay(10));
      await completeCourse(t, hiredToday, COURSE);
      const row = await rowOf(hiredToday, orientationId);
      expect(row).toMatchObject({ compliance: 'COMPLIANT', validUntil: localDayOf(375), dueOn: localDayOf(375), status: 'COMPLETED' });
      expect(row.lastCompletedAt).toBe(onDay(10).toISOString());
      const record = expectData(await t.gql('{ myCompletionRecords(first: 10) { nodes { courseSlug cycle completedAt validUntil } } }', {}, hiredToday.token)).myCompletionRecords.nodes;
      expect(record).toEqual([{ courseSlug: COURSE, cycle: 1, completedAt: onDay(10).toISOString(), validUntil: onDay(375).toISOString() }]);

      expect(await standing(hiredToday, 344)).toBe('COMPLIANT');
      expect(await standing(hiredToday, 345)).toBe('DUE_SOON');
      expect(await standing(hiredToday, 375)).toBe('DUE_SOON');
      expect(await standing(hiredToday, 376)).toBe('EXPIRED');
    });

    it('renewal: the scheduled work reopens the course when it is due soon; completing again renews, and both records stay', async () => {
      clock.set(onDay(345));
      await runScheduledWork(t);
      await runScheduledWork(t); // a second run (or a second instance) renews nothing more
      const item = expectData(await learningOps.myLearning(t, hiredToday.token)).myLearning.find((i: { courseSlug: string }) => i.courseSlug === COURSE);
      expect(item).toMatchObject({ status: 'NOT_STARTED', percent: 0 });
      expect(new Date(item.dueAt).toISOString().slice(0, 10)).toBe(localDayOf(376));
      // The first completion still counts until its last day.
      expect(await standing(hiredToday, 375)).toBe('DUE_SOON');

      clock.set(onDay(380));
      expect((await rowOf(hiredToday, orientationId)).compliance).toBe('EXPIRED');
      await completeCourse(t, hiredToday, COURSE);
      const row = await rowOf(hiredToday, orientationId);
      expect(row).toMatchObject({ compliance: 'COMPLIANT', validUntil: '2032-01-22', dueOn: '2032-01-22', status: 'COMPLETED' });
      const history = expectData(await t.gql('{ myCompletionRecords(first: 10) { nodes { courseSlug cycle completedAt } } }', {}, hiredToday.token)).myCompletionRecords.nodes;
      expect(history.map((r: { cycle: number; completedAt: string }) => [r.cycle, r.completedAt]).sort()).toEqual([
        [1, onDay(10).toISOString()],
        [2, onDay(380).toISOString()],
      ]);
    });

    it('filters by status, requirement and role, and the CSV has one row per staff member × requirement', async () => {
      clock.set(onDay(380));
      const overdue: Row[] = expectData(await ops.staffCompliance(t, w.admin.token, { status: ['OVERDUE', 'EXPIRED'] })).staffCompliance.nodes;
      expect(overdue.map((r) => r.staff.id)).toContain(neverTrains.id);
      expect(overdue.map((r) => r.staff.id)).not.toContain(hiredToday.id);
      expect(overdue.every((r) => ['OVERDUE', 'EXPIRED'].includes(r.compliance))).toBe(true);
      expect(expectData(await ops.staffCompliance(t, w.admin.token, { role: Role.CLINICIAN })).staffCompliance.nodes).toEqual([]);

      const staffMembers = [w.staff, hiredToday, neverTrains];
      const csv = await httpGet(t, '/staff-compliance.csv', w.admin.token);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const lines = csv.body.toString('utf8').trimEnd().split('\r\n');
      expect(lines[0]).toBe('staffId,name,email,role,requirementId,requirement,courseSlug,courseTitle,status,dueOn,validUntil,lastCompletedAt');
      expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(staffMembers.map((m) => m.id).sort());
      const hana = lines.find((l) => l.startsWith(hiredToday.id))!;
      expect(hana).toContain(`,${orientationId},${ORIENTATION.name.includes(',') ? `"${ORIENTATION.name}"` : ORIENTATION.name},${COURSE},`);
      // Dates in the organization's time zone: 10:00 in New York.
      expect(hana).toMatch(/,COMPLIANT,2032-01-22,2032-01-22,2031-01-22 10:00:00$/);

      const filtered = await httpGet(t, '/staff-compliance.csv?status=OVERDUE&status=EXPIRED', w.admin.token);
      expect(filtered.body.toString('utf8').trimEnd().split('\r\n').slice(1).map((l) => l.split(',')[0])).toEqual([neverTrains.id, w.staff.id].sort((a, b) => (a < b ? -1 : 1)));
      expect((await httpGet(t, '/staff-compliance.csv', w.clinician.token)).status).toBe(403);
      expect((await httpGet(t, '/staff-compliance.csv?status=LATE', w.admin.token)).status).toBe(400);
    });
  });

  describe('a fixed-date requirement, due every January 31, across a year boundary', () => {
    let joiner: Member;
    let fixedId: string;

    beforeAll(async () => {
      clock.set('2031-11-01T15:00:00Z');
      joiner = await invited(t, w.admin, Role.STAFF, 'Jo November');
      fixedId = expectData(
        await ops.createTrainingRequirement(t, w.admin.token, {
          name: 'Annual confidentiality, due January 31',
          courseSlug: COURSE,
          roles: [Role.STAFF],
          firstDue: { kind: 'FIXED_DATE', month: 1, day: 31 },
          recurrence: { kind: 'ANNUAL_DATE', month: 1, day: 31 },
        }),
      ).createTrainingRequirement.id;
    });

    it('is first due on the January 31 after joining; due soon from January 1; met early it carries to the next January 31; then it expires', async () => {
      clock.set('2031-12-31T15:00:00Z');
      expect(await rowOf(joiner, fixedId)).toMatchObject({ compliance: 'COMPLIANT', dueOn: '2032-01-31' });
      clock.set('2032-01-01T15:00:00Z');
      expect((await rowOf(joiner, fixedId)).compliance).toBe('DUE_SOON');
      clock.set('2032-01-20T15:00:00Z');
      await completeCourse(t, joiner, COURSE);
      expect(await rowOf(joiner, fixedId)).toMatchObject({ compliance: 'COMPLIANT', dueOn: '2033-01-31', validUntil: '2033-01-31' });
      clock.set('2033-01-31T15:00:00Z');
      expect((await rowOf(joiner, fixedId)).compliance).toBe('DUE_SOON');
      clock.set('2033-02-01T15:00:00Z');
      expect((await rowOf(joiner, fixedId)).compliance).toBe('EXPIRED');
    });
  });
});
