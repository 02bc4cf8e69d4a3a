import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../src/auth/principal';
import { importCurriculum } from '../modules/curriculum/import-curriculum';
import { expectData, errorCode, startTestApp, type TestApp } from './support/app';
import { buildWorld, type World } from './support/operations';

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
    expect(summary.unchanged).toHaveLength(5);
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
    [Role.PATIENT, ['continuum-of-care', 'relapse-prevention-skills', 'understanding-addiction']],
    [Role.FAMILY, ['continuum-of-care', 'family-dynamics-and-recovery', 'understanding-addiction']],
    [Role.STAFF, ['continuum-of-care', 'staff-onboarding', 'understanding-addiction']],
  ])('%s learners see the courses for their audience', async (role, expected) => {
    const member = { [Role.PATIENT]: w.patient, [Role.FAMILY]: w.family, [Role.STAFF]: w.staff }[role as 'PATIENT' | 'FAMILY' | 'STAFF'];
    const slugs = expectData(await t.gql(COURSES, {}, member.token)).courses.map((c: { slug: string }) => c.slug);
    expect(slugs.sort()).toEqual(expected);
  });

  it('clinicians see all five courses', async () => {
    expect(expectData(await t.gql(COURSES, {}, w.clinician.token)).courses).toHaveLength(5);
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
    expect(quizzes).toBe(21);
  });

  it('the Quiz type has no field that could carry an answer', async () => {
    const res = await t.gql(`{ __type(name: "QuizOption") { fields { name } } q: __type(name: "QuizQuestion") { fields { name } } }`);
    const names = [...res.data!.__type.fields, ...res.data!.q.fields].map((f: { name: string }) => f.name);
    expect(names.sort()).toEqual(['id', 'id', 'kind', 'options', 'prompt', 'text']);
  });
});
