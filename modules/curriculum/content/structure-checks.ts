import { type CourseManifest, type LessonFrontMatter, type QuizQuestion, SLUG_PATTERN } from './content.schema';
import { type CurriculumIssue, FILE_FIELD, issue } from './curriculum-issue';
import { PROGRAM_INFO_FIELDS, PROGRAM_PLACEHOLDER, isProgramInfoField } from '../program-info';
import { fileLine, lessonMarkdown } from './lesson-markdown';
import type { LoadedCourse, LoadedCurriculum, LoadedLessonFile, ParsedLesson } from './load-curriculum';

/**
 * Rules that span fields or files, beyond what the schema expresses. Each function
 * is pure over the loaded curriculum and returns issues; none stops at the first.
 */
export function checkStructure(curriculum: LoadedCurriculum): CurriculumIssue[] {
  const { courses } = curriculum;
  return [
    ...checkCourseSlugs(courses),
    ...courses.flatMap(checkLessonFiles),
    ...courses.flatMap(checkAudienceRules),
    ...courses.flatMap(checkRequiredLessons),
    ...courses.flatMap((course) => parsedLessons(course).flatMap(({ file, lesson }) => checkLessonStructure(file, lesson))),
    ...checkPrerequisites(courses),
    ...checkLessonLinks(courses),
  ];
}

/** The lessons of a course whose front matter parsed, with their files. */
export function parsedLessons(course: LoadedCourse): Array<{ file: string; lesson: ParsedLesson }> {
  return course.lessonFiles.flatMap((lessonFile) => (lessonFile.lesson ? [{ file: lessonFile.file, lesson: lessonFile.lesson }] : []));
}

// ---------------------------------------------------------------- courses

export function checkCourseSlugs(courses: readonly LoadedCourse[]): CurriculumIssue[] {
  const issues: CurriculumIssue[] = [];
  const firstFileBySlug = new Map<string, string>();
  for (const course of courses) {
    const slug = course.manifest?.slug;
    if (slug === undefined) continue;
    if (slug !== course.dirName) {
      issues.push(
        issue(course.file, 'slug', `slug \`${slug}\` does not match the course folder \`${course.dirName}\`; a course's folder is named after its slug, so rename one to match the other`),
      );
    }
    const first = firstFileBySlug.get(slug);
    if (first === undefined) firstFileBySlug.set(slug, course.file);
    else issues.push(issue(course.file, 'slug', `duplicate course slug \`${slug}\`: ${first} already uses it; every course needs its own slug`));
  }
  return issues;
}

export function checkAudienceRules(course: LoadedCourse): CurriculumIssue[] {
  const manifest = course.manifest;
  if (!manifest) return [];
  const issues: CurriculumIssue[] = [];
  const forStaff = manifest.audiences.includes('STAFF');
  if (!forStaff && manifest.contactHours !== undefined) {
    issues.push(issue(course.file, 'contactHours', 'only courses with STAFF in `audiences` carry contact hours; remove `contactHours` or add STAFF to `audiences`'));
  }
  if (!forStaff && manifest.ceApproval !== undefined) {
    issues.push(issue(course.file, 'ceApproval', 'only courses with STAFF in `audiences` can carry `ceApproval`; remove it or add STAFF to `audiences`'));
  }
  if (forStaff && manifest.contactHours === undefined) {
    issues.push(
      issue(course.file, 'contactHours', `a course with STAFF in \`audiences\` must state \`contactHours\` (1 contact hour = 60 minutes of learning; for estimatedMinutes ${manifest.estimatedMinutes} that is contactHours: ${roundHours(manifest.estimatedMinutes / 60)})`),
    );
  }
  if (manifest.contactHours !== undefined && manifest.contactHours * 60 > manifest.estimatedMinutes) {
    issues.push(
      issue(course.file, 'contactHours', `contactHours ${manifest.contactHours} claims more than the course's estimatedMinutes ${manifest.estimatedMinutes} (${roundHours(manifest.estimatedMinutes / 60)} hours); 1 contact hour = 60 minutes of learning`),
    );
  }
  return issues;
}

function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/** With `requiredLessons: ALL_REQUIRED`, a course without a required lesson would be complete on enrolment. */
export function checkRequiredLessons(course: LoadedCourse): CurriculumIssue[] {
  const manifest = course.manifest;
  if (!manifest) return [];
  const listed = manifest.lessons.map((slug) => course.lessonFiles.find((f) => f.fileSlug === slug)?.lesson);
  if (listed.some((lesson) => lesson === undefined)) return []; // missing lessons are reported elsewhere
  if (listed.some((lesson) => lesson?.frontMatter.required)) return [];
  return [issue(course.file, 'lessons', 'no lesson is `required: true`, so the course would count as complete before any lesson is done; make at least one lesson required')];
}

// ---------------------------------------------------------------- lesson files vs. manifest

export function checkLessonFiles(course: LoadedCourse): CurriculumIssue[] {
  const issues: CurriculumIssue[] = [];
  const manifest = course.manifest;
  const filesBySlug = new Map<string, LoadedLessonFile>();
  for (const lessonFile of course.lessonFiles) {
    const frontSlug = lessonFile.lesson?.frontMatter.slug;
    if (lessonFile.fileSlug === undefined) {
      issues.push(issue(lessonFile.file, FILE_FIELD, `lesson files are named NN-<slug>.md (two digits, a hyphen, the lesson's slug), e.g. 01-${frontSlug ?? 'my-lesson'}.md`));
      continue;
    }
    const earlier = filesBySlug.get(lessonFile.fileSlug);
    if (earlier) {
      issues.push(issue(lessonFile.file, FILE_FIELD, `${earlier.fileName} already holds lesson \`${lessonFile.fileSlug}\`; each lesson slug has one file`));
      continue;
    }
    filesBySlug.set(lessonFile.fileSlug, lessonFile);
    if (frontSlug !== undefined && frontSlug !== lessonFile.fileSlug) {
      issues.push(
        issue(lessonFile.file, 'slug', `slug \`${frontSlug}\` does not match the file name ${lessonFile.fileName}; name the file NN-${frontSlug}.md or fix the slug (renaming a published slug loses learner progress)`),
      );
    }
    if (manifest && !manifest.lessons.includes(lessonFile.fileSlug)) {
      issues.push(issue(lessonFile.file, FILE_FIELD, `lesson \`${lessonFile.fileSlug}\` is not listed in ${course.file} \`lessons\`; add it there or delete the file`));
    }
  }
  if (!manifest) return issues;
  const firstIndex = new Map<string, number>();
  manifest.lessons.forEach((slug, index) => {
    const first = firstIndex.get(slug);
    if (first !== undefined) {
      issues.push(issue(course.file, `lessons[${index}]`, `lesson \`${slug}\` is listed twice (also lessons[${first}]); list each lesson once`));
      return;
    }
    firstIndex.set(slug, index);
    if (!filesBySlug.has(slug)) {
      issues.push(issue(course.file, `lessons[${index}]`, `lesson \`${slug}\` has no file; expected ${course.dir}/lessons/NN-${slug}.md`));
    }
  });
  return issues;
}

// ---------------------------------------------------------------- one lesson

export function checkLessonStructure(file: string, lesson: ParsedLesson): CurriculumIssue[] {
  const frontMatter = lesson.frontMatter;
  return [
    ...checkQuiz(file, frontMatter),
    ...duplicateIds(file, frontMatter.reflectionPrompts, (i) => `reflectionPrompts[${i}].id`, 'reflection prompt'),
    ...checkHeadings(file, lesson),
    ...checkProgramPlaceholders(file, lesson),
  ];
}

/** `{{program.<field>}}` is filled from organization settings at read time; a misspelt field would show as-is. */
function checkProgramPlaceholders(file: string, lesson: ParsedLesson): CurriculumIssue[] {
  const known = PROGRAM_INFO_FIELDS.map((name) => `{{program.${name}}}`).join(', ');
  return lesson.body.split('\n').flatMap((text, i) =>
    [...text.matchAll(PROGRAM_PLACEHOLDER)]
      .filter((match) => !isProgramInfoField(match[1] ?? ''))
      .map((match) => {
        const line = fileLine(lesson, i);
        return issue(file, 'body', `line ${line}: \`${match[0]}\` is not a program setting; use one of ${known}`, line);
      }),
  );
}

function checkQuiz(file: string, frontMatter: LessonFrontMatter): CurriculumIssue[] {
  const quiz = frontMatter.quiz;
  if (!quiz) return [];
  const issues = quiz.questions.flatMap((question, i) => checkQuestion(file, question, `quiz.questions[${i}]`));
  issues.push(...duplicateIds(file, quiz.questions, (i) => `quiz.questions[${i}].id`, 'question'));
  if (quiz.drawCount !== undefined && quiz.drawCount > quiz.questions.length) {
    issues.push(issue(file, 'quiz.drawCount', `drawCount ${quiz.drawCount} is more than the ${quiz.questions.length} questions in the pool; lower it or add questions`));
  }
  return issues;
}

export function checkQuestion(file: string, question: QuizQuestion, field: string): CurriculumIssue[] {
  const issues: CurriculumIssue[] = [];
  if (question.kind === 'TRUE_FALSE') {
    if (question.options !== undefined) {
      issues.push(issue(file, `${field}.options`, 'a TRUE_FALSE question uses `answer: true` or `answer: false`, not options; remove `options`'));
    }
    if (question.answer === undefined) {
      issues.push(issue(file, `${field}.answer`, 'a TRUE_FALSE question needs `answer: true` or `answer: false`'));
    }
    return issues;
  }

  if (question.answer !== undefined) {
    issues.push(issue(file, `${field}.answer`, `\`answer\` is only for TRUE_FALSE questions; in a ${question.kind} question mark the right option(s) with \`correct: true\``));
  }
  const options = question.options ?? [];
  if (options.length < 2) {
    issues.push(issue(file, `${field}.options`, `a ${question.kind} question needs at least two options, found ${options.length}`));
    return issues;
  }
  const correct = options.filter((option) => option.correct).map((option) => option.id);
  if (question.kind === 'SINGLE_CHOICE' && correct.length !== 1) {
    const found = correct.length === 0 ? 'none is' : `${correct.length} are (${correct.join(', ')})`;
    issues.push(issue(file, `${field}.options`, `a SINGLE_CHOICE question needs exactly one option with \`correct: true\`, but ${found}; mark one, or use MULTIPLE_CHOICE`));
  }
  if (question.kind === 'MULTIPLE_CHOICE' && correct.length === 0) {
    issues.push(issue(file, `${field}.options`, 'a MULTIPLE_CHOICE question needs at least one option with `correct: true`, but none is'));
  }
  if (question.kind === 'MULTIPLE_CHOICE' && correct.length === options.length) {
    issues.push(issue(file, `${field}.options`, `a MULTIPLE_CHOICE question needs at least one incorrect option, but all ${options.length} are marked correct`));
  }
  issues.push(...duplicateIds(file, options, (j) => `${field}.options[${j}].id`, 'option'));
  return issues;
}

/** Ids must be unique within their list: learner answers are stored by id. */
function duplicateIds(file: string, items: ReadonlyArray<{ id: string }>, fieldOf: (index: number) => string, what: string): CurriculumIssue[] {
  const issues: CurriculumIssue[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, index);
    else issues.push(issue(file, fieldOf(index), `duplicate ${what} id \`${item.id}\` (also ${fieldOf(first)}); ids must be unique, as learner answers refer to them`));
  });
  return issues;
}

/** The lesson title is the page's `#`; the body's headings start at `##`. */
function checkHeadings(file: string, lesson: ParsedLesson): CurriculumIssue[] {
  return lessonMarkdown(lesson)
    .blocks.filter((block) => block.kind === 'heading' && block.level === 1)
    .map((block) => {
      const line = fileLine(lesson, block.line);
      return issue(file, 'body', `line ${line}: heading "${block.text}" is a level-1 heading; body headings start at \`##\` (the lesson title is the page's \`#\`)`, line);
    });
}

// ---------------------------------------------------------------- prerequisites

export function checkPrerequisites(courses: readonly LoadedCourse[]): CurriculumIssue[] {
  const issues: CurriculumIssue[] = [];
  const bySlug = coursesBySlug(courses);
  for (const course of courses) {
    const manifest = course.manifest;
    if (!manifest) continue;
    const seen = new Set<string>();
    manifest.prerequisites.forEach((prerequisite, index) => {
      if (seen.has(prerequisite)) {
        issues.push(issue(course.file, `prerequisites[${index}]`, `prerequisite \`${prerequisite}\` is listed twice; list it once`));
      } else if (!bySlug.has(prerequisite)) {
        issues.push(issue(course.file, `prerequisites[${index}]`, `prerequisite \`${prerequisite}\` is not a course in this curriculum; use the slug of an existing course or remove it`));
      }
      seen.add(prerequisite);
    });
  }
  for (const cycle of prerequisiteCycles(courses)) {
    const [first, second] = cycle;
    const course = first === undefined ? undefined : bySlug.get(first);
    if (!course?.manifest || second === undefined) continue;
    const index = course.manifest.prerequisites.indexOf(second);
    issues.push(
      issue(course.file, `prerequisites[${index}]`, `prerequisite cycle ${cycle.join(' → ')}: no course in it could ever be started; remove one of these prerequisites`),
    );
  }
  return issues;
}

/**
 * One cycle per strongly connected component of the prerequisite graph (Tarjan),
 * written from its alphabetically first course back to itself, e.g. `[a, b, a]`.
 * One per component keeps the report short; fixing it reveals any other.
 */
export function prerequisiteCycles(courses: readonly LoadedCourse[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const course of courses) {
    if (course.manifest) graph.set(course.manifest.slug, course.manifest.prerequisites);
  }
  const edges = (slug: string): string[] => (graph.get(slug) ?? []).filter((next) => graph.has(next));
  return stronglyConnected([...graph.keys()].sort(), edges)
    .filter((component) => component.length > 1 || edges(component[0] ?? '').includes(component[0] ?? ''))
    .map((component) => cycleWithin(component, edges))
    .sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

function stronglyConnected(nodes: readonly string[], edges: (node: string) => string[]): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges(node)) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component.sort());
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return components;
}

/** A path from the component's first node back to it, staying inside the component (BFS: shortest). */
function cycleWithin(component: readonly string[], edges: (node: string) => string[]): string[] {
  const start = component[0] ?? '';
  const inside = new Set(component);
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() ?? start;
    for (const next of [...edges(node)].sort()) {
      if (!inside.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0] ?? start) ?? start);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

// ---------------------------------------------------------------- lesson links

const LESSON_LINK = /^lesson:(.*)$/;

/**
 * `[text](lesson:slug)` links within a course and `[text](lesson:course/slug)`
 * across courses must name a lesson listed in that course's manifest (only listed
 * lessons are imported, so a link to an unlisted file would be dead too).
 */
export function checkLessonLinks(courses: readonly LoadedCourse[]): CurriculumIssue[] {
  const listed = listedLessons(courses);
  const issues: CurriculumIssue[] = [];
  for (const course of courses) {
    const courseSlug = course.manifest?.slug ?? course.dirName;
    for (const { file, lesson } of parsedLessons(course)) {
      for (const link of lessonMarkdown(lesson).links) {
        const target = LESSON_LINK.exec(link.href)?.[1];
        if (target === undefined) continue;
        const line = fileLine(lesson, link.line);
        const problem = describeDeadLink(target, courseSlug, listed);
        if (problem) issues.push(issue(file, 'body', `line ${line}: link [${link.text}](${link.href}) ${problem}`, line));
      }
    }
  }
  return issues;
}

function describeDeadLink(target: string, ownCourse: string, listed: ReadonlyMap<string, ReadonlySet<string>>): string | undefined {
  const parts = target.split('/');
  const slugsValid = parts.every((part) => SLUG_PATTERN.test(part));
  if (parts.length > 2 || !slugsValid) {
    return 'is malformed; write lesson:<lesson-slug> for a lesson in this course, or lesson:<course-slug>/<lesson-slug>';
  }
  const [courseSlug, lessonSlug] = parts.length === 2 ? [parts[0] ?? '', parts[1] ?? ''] : [ownCourse, parts[0] ?? ''];
  const lessons = listed.get(courseSlug);
  if (!lessons) return `points to course \`${courseSlug}\`, which does not exist`;
  if (!lessons.has(lessonSlug)) {
    const where = courseSlug === ownCourse ? 'this course' : `course \`${courseSlug}\``;
    return `points to lesson \`${lessonSlug}\`, which does not exist in ${where}; link to a slug listed in its course.yaml`;
  }
  return undefined;
}

/** Course slug → the lesson slugs its manifest lists (file slugs when the manifest failed to parse). */
function listedLessons(courses: readonly LoadedCourse[]): Map<string, Set<string>> {
  const listed = new Map<string, Set<string>>();
  for (const course of courses) {
    const slugs = course.manifest?.lessons ?? course.lessonFiles.flatMap((f) => (f.fileSlug ? [f.fileSlug] : []));
    listed.set(course.manifest?.slug ?? course.dirName, new Set(slugs));
  }
  return listed;
}

function coursesBySlug(courses: readonly LoadedCourse[]): Map<string, LoadedCourse & { manifest: CourseManifest }> {
  const bySlug = new Map<string, LoadedCourse & { manifest: CourseManifest }>();
  for (const course of courses) {
    const manifest = course.manifest;
    if (manifest && !bySlug.has(manifest.slug)) bySlug.set(manifest.slug, { ...course, manifest });
  }
  return bySlug;
}
