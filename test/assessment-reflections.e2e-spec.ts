import { Role } from '../src/auth/principal';
import { CoursesService } from '../modules/curriculum/courses.service';
import { errorCode, expectData, type TestApp } from './support/app';
import { assessmentOps as ops, bundledLessons, lessonOf, type BundledLesson } from './support/assessment-operations';
import { startClinic, buildWorld, consentInput, invited, ops as identityOps, type Member, type World } from './support/operations';

let t: TestApp;
let w: World;
let lessons: BundledLesson[];

beforeAll(async () => {
  ({ t, w } = await startClinic('Reflection Clinic'));
  lessons = await bundledLessons(t);
}, 60000);
afterAll(() => t?.close());

async function promptOf(course: string, slug: string, index = 0): Promise<{ lessonId: string; promptId: string }> {
  const { lessonId } = lessonOf(lessons, course, slug);
  const found = await t.app.get(CoursesService).lessonWithCourse(lessonId);
  return { lessonId, promptId: found!.lesson.reflectionPrompts[index].id };
}
const patientPrompt = () => promptOf('relapse-prevention-skills', 'triggers-and-cravings');
const familyPrompt = () => promptOf('family-dynamics-and-recovery', 'sud-as-a-family-condition');
const staffPrompt = () => promptOf('staff-onboarding', 'confidentiality-42-cfr-part-2');

async function write(member: Member, text: string, where?: { lessonId: string; promptId: string }) {
  return expectData(await ops.submitReflection(t, member.token, { ...(where ?? (await patientPrompt())), text })).submitReflection;
}

/** Audit events of one action by one actor about one learner. */
async function audited(actor: Member, learnerId: string, action: string, admin: Member = w.admin): Promise<number> {
  const res = expectData(await identityOps.auditEvents(t, admin.token, { actorId: actor.id, patientId: learnerId, action }));
  return res.auditEvents.nodes.length;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('writing', () => {
  it('each save is a new version; the learner reads the latest text and every version', async () => {
    const learner = await invited(t, w.clinician, Role.PATIENT, 'Vera Versions');
    const first = await write(learner, 'Payday and the bar on Main Street.');
    await pause();
    const second = await write(learner, 'Payday, the bar on Main Street, and Sunday evenings.');
    expect(second.reflection.id).toBe(first.reflection.id);
    expect(second.reflection.text).toBe('Payday, the bar on Main Street, and Sunday evenings.');
    expect(second.reflection.versions.map((v: { text: string }) => v.text)).toEqual(['Payday and the bar on Main Street.', 'Payday, the bar on Main Street, and Sunday evenings.']);
    const own = expectData(await ops.reflection(t, learner.token, first.reflection.id)).reflection;
    expect(own.text).toBe(second.reflection.text);
    expect(expectData(await ops.reflections(t, learner.token)).reflections.nodes.map((r: { id: string }) => r.id)).toEqual([first.reflection.id]);
  });

  it.each<[string, () => Promise<{ token: string; input: Record<string, unknown> }>, string, RegExp]>([
    ['blank text', async () => ({ token: w.patient.token, input: { ...(await patientPrompt()), text: '   ' } }), 'BAD_USER_INPUT', /Write something/],
    ['text over the limit', async () => ({ token: w.patient.token, input: { ...(await patientPrompt()), text: 'a'.repeat(5001) } }), 'BAD_USER_INPUT', /at most 5000 characters/],
    ['an unknown prompt', async () => ({ token: w.patient.token, input: { ...(await patientPrompt()), promptId: 'no-such-prompt', text: 'hi' } }), 'NOT_FOUND', /reflection prompt/],
    ["another audience's lesson", async () => ({ token: w.patient.token, input: { ...(await staffPrompt()), text: 'hi' } }), 'NOT_FOUND', /lesson/],
    // Clinicians take the staff courses (training requirements), not the patients'.
    ['a clinician, on a patient lesson', async () => ({ token: w.clinician.token, input: { ...(await patientPrompt()), text: 'hi' } }), 'NOT_FOUND', /lesson/],
  ])('%s is refused', async (_label, build, code, message) => {
    const { token, input } = await build();
    const res = await ops.submitReflection(t, token, input as never);
    expect(errorCode(res)).toBe(code);
    expect(res.errors![0].message).toMatch(message);
  });
});

describe('safety screen', () => {
  it('risky text gets the crisis resources at once, a plain not-monitored statement, and is flagged by category (never the words)', async () => {
    const learner = await invited(t, w.clinician, Role.PATIENT, 'Sam Screen');
    const { reflection, safety } = await write(learner, 'Some nights I feel hopeless and I want to end my life.');
    expect(safety.flagged).toBe(true);
    expect(safety.categories).toEqual(['SELF_HARM', 'CRISIS']);
    expect(safety.message).toMatch(/not monitored around the clock/);
    expect(safety.message).toMatch(/call or text 988 now, or call 911/);
    expect(safety.crisisResources.map((r: { contact: string }) => r.contact)).toEqual(expect.arrayContaining(['988', '911', '1-800-662-4357']));
    expect(reflection).toMatchObject({ flagged: true, flagReasons: ['SELF_HARM', 'CRISIS'], awaitingReview: true });
  });

  it.each<[string, boolean]>([
    ["I'm going to use tonight.", true],
    ['My son overdosed last week.', true],
    ["I don't want to use again.", false],
    ["I'm going to use my coping card when payday comes.", false],
  ])('%j → flagged %p', async (text, flagged) => {
    const learner = await invited(t, w.clinician, Role.PATIENT, 'Tab Table');
    const { safety } = await write(learner, text);
    expect(safety.flagged).toBe(flagged);
    // Everyone is told that no one is watching in real time.
    expect(safety.message).toMatch(/not monitored around the clock/);
  });

  it('a flag stays until a clinician reviews, even if a calmer version follows; each version keeps its own reasons', async () => {
    const learner = await invited(t, w.clinician, Role.PATIENT, 'Fia Flag');
    const flagged = await write(learner, "I can't go on like this.");
    await pause();
    const calmer = await write(learner, 'I talked to my sponsor and I feel a bit better.');
    expect(calmer.safety.flagged).toBe(false);
    expect(calmer.reflection).toMatchObject({ flagged: true, flagReasons: ['CRISIS'] });
    const reviewed = expectData(await ops.reviewReflection(t, w.clinician.token, flagged.reflection.id, 'I called you today; see you Thursday.')).reviewReflection;
    expect(reviewed).toMatchObject({ flagged: false, flagReasons: [], awaitingReview: false });
    expect(reviewed.versions.map((v: { flagReasons: string[] }) => v.flagReasons)).toEqual([['CRISIS'], []]);
  });
});

describe('privacy matrix: who may read a patient reflection', () => {
  let reflectionId: string;
  let otherPatient: Member;
  let consentedFamily: Member;
  let elsewhere: World;

  beforeAll(async () => {
    reflectionId = (await write(w.patient, 'My mother worries when I am late; that is a trigger.')).reflection.id;
    otherPatient = await invited(t, w.clinician, Role.PATIENT, 'Oli Other');
    // A second family member, linked, with every scope a consent can give.
    consentedFamily = await invited(t, w.clinician, Role.FAMILY, 'Cass Consented', w.patient.id);
    expectData(await identityOps.grantFamilyConsent(t, w.patient.token, consentInput(consentedFamily.id, { scopes: ['PROGRESS', 'COMPLETIONS'] })));
    elsewhere = await buildWorld(t, 'Elsewhere Clinic');
  }, 60000);

  it.each<[string, 'ALLOWED' | 'AUDITED' | 'FORBIDDEN' | 'NOT_FOUND', () => Member]>([
    ['the patient', 'ALLOWED', () => w.patient],
    ['their clinician', 'AUDITED', () => w.clinician],
    ['an admin', 'AUDITED', () => w.admin],
    ['a staff member', 'NOT_FOUND', () => w.staff],
    ['another patient', 'NOT_FOUND', () => otherPatient],
    ['a linked family member without consent', 'FORBIDDEN', () => w.family],
    ['a linked family member with a PROGRESS + COMPLETIONS consent', 'FORBIDDEN', () => consentedFamily],
    ["another organization's clinician", 'NOT_FOUND', () => elsewhere.clinician],
    ["another organization's admin", 'NOT_FOUND', () => elsewhere.admin],
  ])('%s → %s', async (_label, expected, reader) => {
    const who = reader();
    const before = await audited(who, w.patient.id, 'REFLECTION_READ');
    const one = await ops.reflection(t, who.token, reflectionId);
    const list = await ops.reflections(t, who.token, { learnerId: w.patient.id });
    if (expected === 'ALLOWED' || expected === 'AUDITED') {
      expect(expectData(one).reflection.text).toMatch(/My mother worries/);
      expect(expectData(list).reflections.nodes.map((r: { id: string }) => r.id)).toContain(reflectionId);
      expect(await audited(who, w.patient.id, 'REFLECTION_READ')).toBe(before + (expected === 'AUDITED' ? 2 : 0));
    } else {
      for (const res of [one, list]) {
        expect(errorCode(res)).toBe(expected);
        expect(JSON.stringify(res)).not.toMatch(/My mother worries/);
      }
      expect(await audited(who, w.patient.id, 'REFLECTION_READ')).toBe(before);
    }
  });

  it('a family member reads their own reflections', async () => {
    const mine = await write(w.family, 'We argue less when I leave the room.', await familyPrompt());
    expect(expectData(await ops.reflection(t, w.family.token, mine.reflection.id)).reflection.text).toBe('We argue less when I leave the room.');
  });
});

describe('review', () => {
  it('a clinician reads and comments; the read and the review are in the audit log; the learner sees the comment', async () => {
    const learner = await invited(t, w.clinician, Role.PATIENT, 'Rey Review');
    const { reflection } = await write(learner, 'Sunday evenings are the hardest.');

    const read = expectData(await ops.reflection(t, w.clinician.token, reflection.id)).reflection;
    expect(read).toMatchObject({ text: 'Sunday evenings are the hardest.', learnerName: 'Rey Review' });
    const reviewed = expectData(await ops.reviewReflection(t, w.clinician.token, reflection.id, 'Let us plan Sundays together on Tuesday.')).reviewReflection;
    expect(reviewed.reviews).toEqual([expect.objectContaining({ reviewerId: w.clinician.id, comment: 'Let us plan Sundays together on Tuesday.' })]);

    expect(await audited(w.clinician, learner.id, 'REFLECTION_READ')).toBe(1);
    expect(await audited(w.clinician, learner.id, 'REFLECTION_REVIEW')).toBe(1);
    const own = expectData(await ops.reflection(t, learner.token, reflection.id)).reflection;
    expect(own.reviews.map((r: { comment: string }) => r.comment)).toEqual(['Let us plan Sundays together on Tuesday.']);
    expect(own.awaitingReview).toBe(false);
  });

  it.each<[string, () => Member]>([
    ['a family member', () => w.family],
    ['a staff member', () => w.staff],
    ['the patient', () => w.patient],
  ])('%s cannot review (FORBIDDEN)', async (_label, who) => {
    const { reflection } = await write(w.patient, 'A reflection to review.');
    expect(errorCode(await ops.reviewReflection(t, who().token, reflection.id, 'comment'))).toBe('FORBIDDEN');
  });

  it("another organization's clinician gets NOT_FOUND, and a blank comment is BAD_USER_INPUT", async () => {
    const { reflection } = await write(w.patient, 'Another reflection.');
    const elsewhere = await buildWorld(t, 'Far Clinic');
    expect(errorCode(await ops.reviewReflection(t, elsewhere.clinician.token, reflection.id, 'hello'))).toBe('NOT_FOUND');
    expect(errorCode(await ops.reviewReflection(t, w.clinician.token, reflection.id, '   '))).toBe('BAD_USER_INPUT');
  });
});

describe('review queue', () => {
  let q: World;
  let ann: Member;
  let ben: Member;
  let cat: Member;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    q = await buildWorld(t, 'Queue Clinic');
    ann = await invited(t, q.clinician, Role.PATIENT, 'Ann Early');
    ben = await invited(t, q.clinician, Role.PATIENT, 'Ben Later');
    cat = await invited(t, q.clinician, Role.PATIENT, 'Cat Flagged');
    ids.ann = (await write(ann, 'Mornings are fine now.')).reflection.id;
    await pause();
    ids.ben = (await write(ben, 'Work stress is my biggest trigger.')).reflection.id;
    await pause();
    ids.staff = (await write(q.staff, 'I will check releases before sharing records.', await staffPrompt())).reflection.id;
    await pause();
    ids.family = (await write(q.family, 'I want to understand relapse better.', await familyPrompt())).reflection.id;
    await pause();
    ids.cat = (await write(cat, 'Honestly everyone would be better off without me.')).reflection.id;
  }, 60000);

  const order = (res: Awaited<ReturnType<typeof ops.reflectionReviewQueue>>) => expectData(res).reflectionReviewQueue.nodes.map((n: { id: string }) => n.id);

  it("a clinician's queue: flagged first, then the longest waiting; staff reflections are not theirs to see; every listed learner's read is audited", async () => {
    const res = await ops.reflectionReviewQueue(t, q.clinician.token);
    expect(order(res)).toEqual([ids.cat, ids.ann, ids.ben, ids.family]);
    expect(expectData(res).reflectionReviewQueue.nodes[0]).toMatchObject({ learnerName: 'Cat Flagged', flagged: true, flagReasons: ['SELF_HARM'] });
    for (const learner of [ann, ben, cat, q.family]) expect(await audited(q.clinician, learner.id, 'REFLECTION_READ', q.admin)).toBe(1);
  });

  it("an admin's queue includes staff reflections", async () => {
    expect(order(await ops.reflectionReviewQueue(t, q.admin.token))).toEqual([ids.cat, ids.ann, ids.ben, ids.staff, ids.family]);
  });

  it('pages one at a time in the same order', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = expectData(await ops.reflectionReviewQueue(t, q.clinician.token, 1, after)).reflectionReviewQueue;
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([ids.cat, ids.ann, ids.ben, ids.family]);
  });

  it('a review takes a reflection off the queue; a new version puts it back, at the end', async () => {
    expectData(await ops.reviewReflection(t, q.clinician.token, ids.cat, 'Called Cat; safety plan updated.'));
    expectData(await ops.reviewReflection(t, q.clinician.token, ids.ann, 'Glad mornings are easier.'));
    expect(order(await ops.reflectionReviewQueue(t, q.clinician.token))).toEqual([ids.ben, ids.family]);
    await pause();
    await write(ann, 'Mornings are fine; evenings are harder.');
    expect(order(await ops.reflectionReviewQueue(t, q.clinician.token))).toEqual([ids.ben, ids.family, ids.ann]);
  });

  it.each<[string, () => Member]>([
    ['a patient', () => w.patient],
    ['a family member', () => w.family],
    ['a staff member', () => w.staff],
  ])('%s cannot open the queue', async (_label, who) => {
    expect(errorCode(await ops.reflectionReviewQueue(t, who().token))).toBe('FORBIDDEN');
  });
});
