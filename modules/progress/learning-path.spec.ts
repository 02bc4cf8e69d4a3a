import { cappedSeconds, courseCompleted, describePath, lessonCompletes, type PathCourse, type PathProgress } from './learning-path';

const now = new Date('2026-06-10T12:00:00Z');
const course: PathCourse = {
  slug: 'c',
  title: 'Course',
  sequence: 'IN_ORDER',
  prerequisites: [],
  lessons: [
    { slug: 'a', title: 'A', required: true, lessonId: '1', hasQuiz: true },
    { slug: 'b', title: 'B', required: false, lessonId: '2', hasQuiz: false },
    { slug: 'c', title: 'C', required: true, lessonId: '3', hasQuiz: true },
  ],
};
const done = (slug: string): PathProgress => ({ lessonSlug: slug, positionPercent: 100, readCompletedAt: now, quizPassed: true, completedAt: now });
const started = (slug: string): PathProgress => ({ lessonSlug: slug, positionPercent: 40 });
const progress = (...rows: PathProgress[]) => new Map(rows.map((r) => [r.lessonSlug, r]));

describe('describePath', () => {
  it.each`
    case                              | rows                         | lessonSlugs | dueAt                              | status           | percent | next
    ${'nothing yet'}                  | ${[]}                        | ${[]}       | ${undefined}                       | ${'NOT_STARTED'} | ${0}    | ${'a'}
    ${'started'}                      | ${[started('a')]}            | ${[]}       | ${undefined}                       | ${'IN_PROGRESS'} | ${0}    | ${'a'}
    ${'first required done'}          | ${[done('a')]}               | ${[]}       | ${undefined}                       | ${'IN_PROGRESS'} | ${50}   | ${'c'}
    ${'all required done'}            | ${[done('a'), done('c')]}    | ${[]}       | ${undefined}                       | ${'COMPLETED'}   | ${100}  | ${undefined}
    ${'past due, unfinished'}         | ${[started('a')]}            | ${[]}       | ${new Date('2026-06-09T00:00:00Z')} | ${'OVERDUE'}     | ${0}    | ${'a'}
    ${'past due, finished'}           | ${[done('a'), done('c')]}    | ${[]}       | ${new Date('2026-06-09T00:00:00Z')} | ${'COMPLETED'}   | ${100}  | ${undefined}
    ${'homework: one chosen lesson'}  | ${[]}                        | ${['b']}    | ${undefined}                       | ${'NOT_STARTED'} | ${0}    | ${undefined}
    ${'homework done'}                | ${[done('b')]}               | ${['b']}    | ${undefined}                       | ${'COMPLETED'}   | ${100}  | ${undefined}
  `('$case → $status, $percent%, next $next', ({ rows, lessonSlugs, dueAt, status, percent, next }) => {
    const view = describePath({ courseSlug: 'c', lessonSlugs, dueAt }, course, progress(...rows), new Set(), new Map(), now);
    expect(view.status).toBe(status);
    expect(view.percent).toBe(percent);
    expect(view.nextLesson?.slug).toBe(next);
  });

  it('locks lessons after an unfinished required one in an in-order course, and names it', () => {
    const view = describePath({ courseSlug: 'c', lessonSlugs: [] }, course, progress(started('a')), new Set(), new Map(), now);
    expect(view.lessons.map((l) => [l.slug, l.locked, l.lockReason])).toEqual([
      ['a', false, undefined],
      ['b', true, 'Finish "A" first.'],
      ['c', true, 'Finish "A" first.'],
    ]);
  });

  it('never locks a lesson that is already complete', () => {
    const view = describePath({ courseSlug: 'c', lessonSlugs: [] }, course, progress(done('c')), new Set(), new Map(), now);
    expect(view.lessons.find((l) => l.slug === 'c')).toMatchObject({ locked: false, state: 'COMPLETED' });
  });

  it('locks a course behind unfinished prerequisites', () => {
    const gated = { ...course, sequence: 'FREE', prerequisites: ['intro'] };
    const blocked = describePath({ courseSlug: 'c', lessonSlugs: [] }, gated, progress(), new Set(), new Map([['intro', 'Intro']]), now);
    expect(blocked.blockedBy).toEqual(['Intro']);
    expect(blocked.nextLesson).toBeUndefined();
    expect(blocked.lessons[0].lockReason).toBe('Complete Intro first.');
    const open = describePath({ courseSlug: 'c', lessonSlugs: [] }, gated, progress(), new Set(['intro']), new Map(), now);
    expect(open.nextLesson?.slug).toBe('a');
  });
});

describe('completion rules', () => {
  it.each`
    hasQuiz  | requirePassed | read     | passed   | completes
    ${true}  | ${true}       | ${true}  | ${false} | ${false}
    ${true}  | ${true}       | ${false} | ${true}  | ${true}
    ${true}  | ${false}      | ${true}  | ${false} | ${true}
    ${false} | ${true}       | ${true}  | ${false} | ${true}
    ${false} | ${true}       | ${false} | ${false} | ${false}
  `('lesson with quiz $hasQuiz, passing required $requirePassed, read $read, passed $passed → $completes', ({ hasQuiz, requirePassed, read, passed, completes }) => {
    expect(lessonCompletes(hasQuiz, requirePassed, read, passed)).toBe(completes);
  });

  it('a course completes when every required lesson is complete and the minimum score is met', () => {
    const scored = (slug: string, quizScore: number) => ({ ...done(slug), quizScore });
    expect(courseCompleted(course, { requirePassedQuizzes: true }, progress(done('a')))).toBe(false);
    expect(courseCompleted(course, { requirePassedQuizzes: true }, progress(done('a'), done('c')))).toBe(true);
    expect(courseCompleted(course, { requirePassedQuizzes: true, minimumScore: 0.9 }, progress(scored('a', 1), scored('c', 0.7)))).toBe(false);
    expect(courseCompleted(course, { requirePassedQuizzes: true, minimumScore: 0.8 }, progress(scored('a', 1), scored('c', 0.7)))).toBe(true);
  });

  it.each([
    [120, 120],
    [-5, 0],
    [Number.NaN, 0],
    [10_000, 900],
  ])('caps %p seconds in one event to %p', (given, expected) => {
    expect(cappedSeconds(given)).toBe(expected);
  });
});
