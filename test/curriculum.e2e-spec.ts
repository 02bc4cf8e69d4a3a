import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Role } from '../src/auth/principal';
import { REFLECTION_NOTICES } from '../modules/curriculum/crisis-resources';
import { importCurriculum } from '../modules/curriculum/import-curriculum';
import { PROGRAM_INFO_DEFAULTS } from '../modules/curriculum/program-info';
import { Organization } from '../modules/identity/schemas/organization.schema';
import { expectData, errorCode, startTestApp, type TestApp } from './support/app';
import { assessmentOps as quizOps, answerKey, answersFor, bundledLessons, lessonOf } from './support/assessment-operations';
import { learningOps } from './support/learning-operations';
import { buildWorld, invited, type World } from './support/operations';

let t: TestApp;
let w: World;
const BUNDLED = join(__dirname, '..', 'curriculum');

beforeAll(async () => {
  t = await startTestApp();
  await importCurriculum(t.app, BUNDLED);
  w = await buildWorld(t, 'Content Clinic');
}, 60000);
afterAll(() => t?.close());

const COURSES = `query($a: Audience) { courses(audience: $a) { slug title version audiences contactHours ceApproval { statement } lessons { id slug title quizId } } }`;
const LESSON_FIELDS = `id slug title objectives estimatedMinutes bodyMarkdown bodyHtml contentNote disclaimer
  sources { title url } reflectionPrompts { id prompt notice } crisisResources { name contact details }
  quiz { id passingScore maxAttempts shuffle gradingMethod drawCount questionCount questions { id kind prompt options { id text } } }`;

describe('import', () => {
  it('a second import changes nothing and says so', async () => {
    await importCurriculum(t.app, BUNDLED);
    const summary = await importCurriculum(t.app, BUNDLED);
    expect(summary).toMatchObject({ added: [], changed: [], retired: [] });
    expect(summary.unchanged).toHaveLength(10);
  });

  it('two instances importing the same revision at once both succeed and write one version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waypoint-curriculum-'));
    cpSync(BUNDLED, dir, { recursive: true });
    const file = join(dir, 'continuum-of-care', 'lessons', '01-what-iop-is.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n## /, '\nAsk your program for its weekly schedule.\n\n## '));
    const versionsBefore = expectData(await t.gql(COURSES, {}, w.admin.token)).courses.find((c: { slug: string }) => c.slug === 'continuum-of-care').version;
    const [a, b] = await Promise.all([importCurriculum(t.app, dir), importCurriculum(t.app, dir)]);
    expect([...a.changed, ...b.changed].map((c) => c.slug)).toEqual(['continuum-of-care']);
    const after = expectData(await t.gql(COURSES, {}, w.admin.token)).courses.find((c: { slug: string }) => c.slug === 'continuum-of-care');
    expect(after.version).toBe(versionsBefore + 1);
    await importCurriculum(t.app, BUNDLED);
  });

  it('a revised lesson gets a new version; unchanged lessons keep their ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waypoint-curriculum-'));
    cpSync(BUNDLED, dir, { recursive: true });
    const before = expectData(await t.gql(COURSES, {}, w.admin.token)).courses.find((c: { slug: string }) => c.slug === 'relapse-prevention-skills');
    const file = join(dir, 'relapse-prevention-skills', 'lessons', '04-urge-surfing.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n## /, '\nAn urge is a signal, not an order.\n\n## '));

    const summary = await importCurriculum(t.app, dir);
    expect(summary.changed).toEqual([expect.objectContaining({ slug: 'relapse-prevention-skills', version: before.version + 1, lessonsChanged: ['urge-surfing'], lessonsAdded: [], lessonsRetired: [] })]);

    const after = expectData(await t.gql(COURSES, {}, w.admin.token)).courses.find((c: { slug: string }) => c.slug === 'relapse-prevention-skills');
    const ids = (course: { lessons: Array<{ slug: string; id: string }> }) => Object.fromEntries(course.lessons.map((l) => [l.slug, l.id]));
    expect(ids(after)['urge-surfing']).not.toBe(ids(before)['urge-surfing']);
    for (const slug of Object.keys(ids(before)).filter((s) => s !== 'urge-surfing')) expect(ids(after)[slug]).toBe(ids(before)[slug]);
    // Put the bundled version back for the other tests.
    await importCurriculum(t.app, BUNDLED);
  });
});

describe('courses and lessons', () => {
  it.each([
    [Role.PATIENT, ['continuum-of-care', 'recovery-supports', 'relapse-prevention-skills', 'starting-iop', 'understanding-addiction']],
    [Role.FAMILY, ['continuum-of-care', 'family-dynamics-and-recovery', 'family-wellbeing', 'recovery-supports', 'starting-iop', 'understanding-addiction']],
    [Role.STAFF, ['confidentiality-essentials', 'continuum-of-care', 'staff-clinical-practice', 'staff-onboarding', 'understanding-addiction']],
  ])('%s learners see the courses for their audience', async (role, expected) => {
    const member = { [Role.PATIENT]: w.patient, [Role.FAMILY]: w.family, [Role.STAFF]: w.staff }[role as 'PATIENT' | 'FAMILY' | 'STAFF'];
    const slugs = expectData(await t.gql(COURSES, {}, member.token)).courses.map((c: { slug: string }) => c.slug);
    expect(slugs.sort()).toEqual(expected);
  });

  it('clinicians see all ten courses', async () => {
    expect(expectData(await t.gql(COURSES, {}, w.clinician.token)).courses).toHaveLength(10);
  });

  it("a learner cannot open another audience's lesson", async () => {
    const res = await t.gql(`query { lessonBySlug(courseSlug: "staff-onboarding", lessonSlug: "trauma-informed-care") { id } }`, {}, w.patient.token);
    expect(errorCode(res)).toBe('NOT_FOUND');
  });

  it('the staff course shows contact hours and claims no CE approval', async () => {
    const staff = expectData(await t.gql(COURSES, {}, w.staff.token)).courses.find((c: { slug: string }) => c.slug === 'staff-onboarding');
    expect(staff.contactHours).toBeGreaterThan(0);
    expect(staff.ceApproval).toBeNull();
  });

  it('every lesson of every course carries crisis resources, sanitized HTML, sources, and a quiz with no answer key or rationale', async () => {
    const courses = expectData(await t.gql(COURSES, {}, w.admin.token)).courses;
    let quizzes = 0;
    for (const course of courses) {
      for (const ref of course.lessons) {
        const res = await t.gql(`query($id: ID!) { lesson(id: $id) { ${LESSON_FIELDS} } }`, { id: ref.id }, w.admin.token);
        const lesson = expectData(res).lesson;
        expect(lesson.crisisResources.map((r: { contact: string }) => r.contact)).toEqual(expect.arrayContaining(['988', '1-800-662-4357', '911']));
        expect(lesson.bodyHtml).not.toMatch(/<script|onerror=|javascript:/i);
        expect(lesson.sources.length).toBeGreaterThan(0);
        expect(lesson.quiz).toBeTruthy();
        quizzes++;
        const serialized = JSON.stringify(res);
        expect(serialized).not.toMatch(/"correct"|"answer"|"rationale"|"isCorrect"|"answerKey"/i);
      }
    }
    expect(quizzes).toBe(33);
  });

  it('the Quiz type has no field that could carry an answer', async () => {
    const res = await t.gql(`{ __type(name: "QuizOption") { fields { name } } q: __type(name: "QuizQuestion") { fields { name } } }`);
    const names = [...res.data!.__type.fields, ...res.data!.q.fields].map((f: { name: string }) => f.name);
    expect(names.sort()).toEqual(['id', 'id', 'kind', 'options', 'prompt', 'text']);
  });
});

describe('revised content and existing learner history', () => {
  it('progress and a passed quiz on a revised lesson, and progress on an unchanged one, survive the re-import', async () => {
    const learner = await invited(t, w.clinician, Role.PATIENT, 'Rita Reimport');
    expectData(await learningOps.assignCourse(t, w.clinician.token, { learnerId: learner.id, courseSlug: 'relapse-prevention-skills' }));
    const before = await bundledLessons(t);
    const revised = lessonOf(before, 'relapse-prevention-skills', 'triggers-and-cravings');
    const unchanged = lessonOf(before, 'relapse-prevention-skills', 'urge-surfing');

    const attempt = expectData(await quizOps.startQuizAttempt(t, learner.token, revised.quizId)).startQuizAttempt;
    const key = await answerKey(t, revised.quizId);
    expect(expectData(await quizOps.submitQuizAttempt(t, learner.token, attempt.id, answersFor(attempt.questions, key))).submitQuizAttempt.passed).toBe(true);
    expectData(await learningOps.recordLessonProgress(t, learner.token, { lessonId: revised.lessonId, event: 'COMPLETED' }));
    expectData(await learningOps.recordLessonProgress(t, learner.token, { lessonId: unchanged.lessonId, event: 'PROGRESS', positionPercent: 40, secondsSpent: 120 }));

    const dir = mkdtempSync(join(tmpdir(), 'waypoint-curriculum-'));
    cpSync(BUNDLED, dir, { recursive: true });
    const file = join(dir, 'relapse-prevention-skills', 'lessons', '01-triggers-and-cravings.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n## /, '\nA trigger can change over time, so review your list.\n\n## '));
    try {
      const summary = await importCurriculum(t.app, dir);
      expect(summary.changed).toEqual([expect.objectContaining({ slug: 'relapse-prevention-skills', lessonsChanged: ['triggers-and-cravings'] })]);
      const after = await bundledLessons(t);
      expect(lessonOf(after, 'relapse-prevention-skills', 'triggers-and-cravings').lessonId).not.toBe(revised.lessonId);

      const item = expectData(await learningOps.myLearning(t, learner.token)).myLearning.find((i: { courseSlug: string }) => i.courseSlug === 'relapse-prevention-skills');
      const bySlug = Object.fromEntries(item.lessons.map((l: { slug: string }) => [l.slug, l]));
      expect(bySlug['triggers-and-cravings']).toMatchObject({ status: 'COMPLETED' });
      expect(bySlug['urge-surfing']).toMatchObject({ positionPercent: 40 });
      const history = expectData(await quizOps.quizAttempts(t, learner.token, revised.quizId)).quizAttempts;
      expect(history.standing).toMatchObject({ passed: true, attemptsUsed: 1 });
    } finally {
      await importCurriculum(t.app, BUNDLED);
    }
  });
});

describe('who reads reflections, and the program lesson', () => {
  const promptsOf = async (courseSlug: string, lessonSlug: string, token: string) =>
    expectData(await t.gql(`query($c: String!, $l: String!) { lessonBySlug(courseSlug: $c, lessonSlug: $l) { reflectionPrompts { id notice } } }`, { c: courseSlug, l: lessonSlug }, token))
      .lessonBySlug.reflectionPrompts as Array<{ id: string; notice: string }>;

  it('each audience is told who reads what it writes; family are warned about shared devices', async () => {
    const [family] = await promptsOf('family-dynamics-and-recovery', 'family-self-care-safety-and-privacy', w.family.token);
    expect(family?.notice).toBe(REFLECTION_NOTICES.FAMILY);
    expect(family?.notice).toMatch(/Your loved one cannot see it/);
    expect(family?.notice).toMatch(/shared phone or computer/);
    const [patient] = await promptsOf('relapse-prevention-skills', 'high-risk-situations', w.patient.token);
    expect(patient?.notice).toBe(REFLECTION_NOTICES.PATIENT);
    expect(patient?.notice).toMatch(/Your family cannot see it/);
    const [staff] = await promptsOf('staff-onboarding', 'confidentiality-42-cfr-part-2', w.staff.token);
    expect(staff?.notice).toBe(REFLECTION_NOTICES.STAFF);
    // The same mixed-audience lesson tells each reader their own answer.
    const [forPatient] = await promptsOf('understanding-addiction', 'what-addiction-is', w.patient.token);
    const [forFamily] = await promptsOf('understanding-addiction', 'what-addiction-is', w.family.token);
    expect([forPatient?.notice, forFamily?.notice]).toEqual([REFLECTION_NOTICES.PATIENT, REFLECTION_NOTICES.FAMILY]);
    // The family safety-plan prompt itself warns before asking.
    const lesson = expectData(await t.gql(`{ lessonBySlug(courseSlug: "family-dynamics-and-recovery", lessonSlug: "family-self-care-safety-and-privacy") { reflectionPrompts { prompt } } }`, {}, w.family.token)).lessonBySlug;
    expect(lesson.reflectionPrompts[0].prompt).toMatch(/^Before you write: if other people at home can open this app or this device/);
  });

  const ABOUT = `{ lessonBySlug(courseSlug: "starting-iop", lessonSlug: "about-our-program") { bodyMarkdown bodyHtml crisisResources { contact } disclaimer } }`;

  it('"About our program" shows defaults until the clinic fills in its settings, then the clinic\'s own text, safely', async () => {
    const clinic = await buildWorld(t, 'Program Info Clinic');
    const fresh = expectData(await t.gql(ABOUT, {}, clinic.patient.token)).lessonBySlug;
    expect(fresh.bodyHtml).toContain(PROGRAM_INFO_DEFAULTS.whatToBring);
    expect(fresh.bodyMarkdown).not.toMatch(/\{\{program\./);
    expect(fresh.crisisResources.map((r: { contact: string }) => r.contact)).toEqual(expect.arrayContaining(['911', '988']));
    expect(fresh.disclaimer).toMatch(/not medical advice/);

    await t.app.get<Model<Organization>>(getModelToken(Organization.name)).updateOne(
      { _id: clinic.orgId },
      { $set: { crisisLine: 'Call 555-0142 after 5 pm', programInfo: { hours: 'Mon, Wed, Thu 6-9 pm', houseRules: 'No phones in group.\n<script>alert(1)</script>' } } },
    );
    const filled = expectData(await t.gql(ABOUT, {}, clinic.family.token)).lessonBySlug;
    expect(filled.bodyHtml).toContain('Mon, Wed, Thu 6-9 pm');
    expect(filled.bodyHtml).toContain('Call 555-0142 after 5 pm');
    expect(filled.bodyHtml).toContain('No phones in group.<br />');
    expect(filled.bodyHtml).not.toMatch(/<script/);
    expect(filled.bodyHtml).toContain('when family sessions meet'); // not set by this clinic: still the default
    // Another organization still sees its own (default) text.
    expect(expectData(await t.gql(ABOUT, {}, w.patient.token)).lessonBySlug.bodyHtml).not.toContain('555-0142');
  });

  it('updateOrganizationSettings sets the program info field by field; an empty string goes back to the default', async () => {
    const clinic = await buildWorld(t, 'Program Settings Clinic');
    const update = (input: Record<string, unknown>, token = clinic.admin.token) =>
      t.gql(`mutation($input: OrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { programInfo { hours whatToBring familySessionTimes houseRules } } }`, { input }, token);
    const set = expectData(await update({ programInfo: { hours: ' Tue and Thu, 6-9 pm ', familySessionTimes: 'Saturdays at 10 am' } })).updateOrganizationSettings;
    expect(set.programInfo).toEqual({ hours: 'Tue and Thu, 6-9 pm', whatToBring: null, familySessionTimes: 'Saturdays at 10 am', houseRules: null });
    const later = expectData(await update({ programInfo: { houseRules: 'Phones off in group.', familySessionTimes: '' } })).updateOrganizationSettings;
    expect(later.programInfo).toEqual({ hours: 'Tue and Thu, 6-9 pm', whatToBring: null, familySessionTimes: null, houseRules: 'Phones off in group.' });

    const lesson = expectData(await t.gql(ABOUT, {}, clinic.patient.token)).lessonBySlug;
    expect(lesson.bodyHtml).toContain('Tue and Thu, 6-9 pm');
    expect(lesson.bodyHtml).toContain('Phones off in group.');
    expect(lesson.bodyHtml).toContain('when family sessions meet'); // cleared: the default again
    expect(errorCode(await update({ programInfo: { hours: 'x' } }, clinic.clinician.token))).toBe('FORBIDDEN');
    expect(errorCode(await update({ programInfo: { hours: 'x'.repeat(2001) } }))).toBe('BAD_USER_INPUT');
  });
});
