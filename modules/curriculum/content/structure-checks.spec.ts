import * as path from 'node:path';
import type { CourseManifest } from './content.schema';
import { BUNDLED_CONTENT_POLICY, withoutSizeLimits } from './content-checks';
import { type LoadedCourse, loadCurriculum, parseLessonSource } from './load-curriculum';
import { findRepoRoot } from './repo-paths';
import { checkLessonLinks, prerequisiteCycles } from './structure-checks';
import { validateLoaded } from './validate-curriculum';

function courseWith(slug: string, prerequisites: string[], lessons: string[] = ['one']): LoadedCourse {
  const manifest: CourseManifest = {
    slug,
    title: slug,
    summary: slug,
    audiences: ['PATIENT'],
    locale: 'en-US',
    estimatedMinutes: 10,
    prerequisites,
    sequence: 'FREE',
    completion: { requiredLessons: 'ALL_REQUIRED', requirePassedQuizzes: true },
    lessons,
  };
  return { dirName: slug, dir: slug, file: `${slug}/course.yaml`, manifest, lessonFiles: [] };
}

describe('prerequisiteCycles', () => {
  it('names each cycle once, from its alphabetically first course', () => {
    const courses = [
      courseWith('c', ['a']),
      courseWith('a', ['b']),
      courseWith('b', ['c']),
      courseWith('d', ['d']),
      courseWith('e', ['a']), // depends on the cycle but is not part of it
    ];
    expect(prerequisiteCycles(courses)).toEqual([
      ['a', 'b', 'c', 'a'],
      ['d', 'd'],
    ]);
  });

  it('finds none in a chain', () => {
    expect(prerequisiteCycles([courseWith('a', []), courseWith('b', ['a']), courseWith('c', ['a', 'b'])])).toEqual([]);
  });
});

describe('checkLessonLinks', () => {
  function withBody(body: string): LoadedCourse[] {
    const source = `---\nslug: one\ntitle: One\nobjectives: [Do it.]\nestimatedMinutes: 5\n---\n${body}\n`;
    const lesson = parseLessonSource(source, 'a/lessons/01-one.md').lesson;
    const course = courseWith('a', [], ['one', 'two']);
    course.lessonFiles = lesson ? [{ file: 'a/lessons/01-one.md', fileName: '01-one.md', fileSlug: 'one', lesson }] : [];
    return [course, courseWith('b', [], ['three'])];
  }

  it.each([
    ['[ok](lesson:two)', undefined],
    ['[ok](lesson:b/three)', undefined],
    ['[x](lesson:b/two)', 'points to lesson `two`, which does not exist in course `b`'],
    ['[x](lesson:zz/three)', 'points to course `zz`, which does not exist'],
    ['[x](lesson:Two)', 'is malformed'],
    ['[x](lesson:a/b/c)', 'is malformed'],
  ])('%s', (body, problem) => {
    const issues = checkLessonLinks(withBody(body));
    if (problem === undefined) expect(issues).toEqual([]);
    else expect(issues).toEqual([expect.objectContaining({ file: 'a/lessons/01-one.md', field: 'body', line: 7, message: expect.stringContaining(problem) })]);
  });
});

describe('readability applies to patient and family courses only', () => {
  it('does not grade a staff-only course', async () => {
    const loaded = await loadCurriculum(path.join(findRepoRoot(), 'test/fixtures/curriculum/readability-too-high'));
    const [course] = loaded.courses;
    if (!course?.manifest) throw new Error('fixture did not load');
    course.manifest = { ...course.manifest, audiences: ['STAFF'], contactHours: 0.1 };
    expect(validateLoaded(loaded, withoutSizeLimits(BUNDLED_CONTENT_POLICY)).issues).toEqual([]);
  });
});
