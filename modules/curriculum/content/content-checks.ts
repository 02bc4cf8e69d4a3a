import type { CourseManifest, LessonFrontMatter } from './content.schema';
import { type CurriculumIssue, issue } from './curriculum-issue';
import { fileLine, lessonMarkdown } from './lesson-markdown';
import type { LoadedCourse, LoadedCurriculum, ParsedLesson } from './load-curriculum';
import { countWords, readableProse } from './markdown-text';
import { fleschKincaidGrade } from './readability';
import { parsedLessons } from './structure-checks';
import { BUNDLED_QUIZ_HONESTY, type QuizHonestyPolicy, checkQuizHonesty } from './quiz-honesty';
import { findStigmatizingTerms, stigmaMessage } from './words-matter';

/**
 * Editorial checks: length, readability, person-first language, sources. They run
 * after the structural checks by default; the importer may skip them. The limits
 * are a policy so that test fixtures can be a few lines long.
 */

export interface CountRange {
  min: number;
  max: number;
}

export interface ContentPolicy {
  /** Words in the lesson body (headings and prose; front matter excluded). `null` skips the check. */
  bodyWords: CountRange | null;
  objectives: CountRange | null;
  /** Questions in the quiz pool; when set, every lesson must have a quiz. */
  quizQuestions: CountRange | null;
  /** Highest Flesch-Kincaid grade of a lesson body in a course for PATIENT or FAMILY. `null` skips it. */
  maxReadingGrade: number | null;
  /** Sources every lesson must name (each has a title and an http(s) url, per the schema). */
  minSources: number;
  /** NIDA Words Matter check over all learner-facing text. */
  wordsMatter: boolean;
  /** Family prompts that ask for a safety plan must first warn about shared devices. */
  sharedDeviceWarning: boolean;
  /** Course-wide quiz patterns that give answers away (quiz-honesty.ts). `null` skips them. */
  quizHonesty: Readonly<QuizHonestyPolicy> | null;
}

/** The rules for the bundled curriculum (docs/curriculum-format.md, "Content checks"). */
export const BUNDLED_CONTENT_POLICY: Readonly<ContentPolicy> = Object.freeze({
  bodyWords: { min: 400, max: 900 },
  objectives: { min: 2, max: 3 },
  quizQuestions: { min: 4, max: 6 },
  maxReadingGrade: 8.5,
  minSources: 1,
  wordsMatter: true,
  sharedDeviceWarning: true,
  quizHonesty: BUNDLED_QUIZ_HONESTY,
});

/**
 * The same rules without the length limits: for small fixtures and drafts. The
 * course-wide quiz statistics go too, since a share of two questions means nothing.
 */
export function withoutSizeLimits(policy: Readonly<ContentPolicy> = BUNDLED_CONTENT_POLICY): ContentPolicy {
  return { ...policy, bodyWords: null, objectives: null, quizQuestions: null, quizHonesty: null };
}

/** Audiences whose lessons must read at a plain-language level. */
export const PLAIN_LANGUAGE_AUDIENCES: ReadonlySet<string> = new Set(['PATIENT', 'FAMILY']);

export function checkContent(curriculum: LoadedCurriculum, policy: Readonly<ContentPolicy> = BUNDLED_CONTENT_POLICY): CurriculumIssue[] {
  return curriculum.courses.flatMap((course) => checkCourseContent(course, policy));
}

function checkCourseContent(course: LoadedCourse, policy: Readonly<ContentPolicy>): CurriculumIssue[] {
  const issues: CurriculumIssue[] = [];
  if (course.manifest && policy.wordsMatter) issues.push(...checkManifestLanguage(course.file, course.manifest));
  const plainLanguage = course.manifest?.audiences.some((audience) => PLAIN_LANGUAGE_AUDIENCES.has(audience)) ?? false;
  const forFamily = course.manifest?.audiences.includes('FAMILY') ?? false;
  for (const { file, lesson } of parsedLessons(course)) {
    issues.push(...checkLessonContent(file, lesson, policy, plainLanguage));
    if (forFamily && policy.sharedDeviceWarning) issues.push(...checkSharedDeviceWarning(file, lesson.frontMatter));
  }
  if (course.manifest && policy.quizHonesty) issues.push(...checkQuizHonesty(course, policy.quizHonesty));
  return issues;
}

export function checkLessonContent(file: string, lesson: ParsedLesson, policy: Readonly<ContentPolicy>, plainLanguage: boolean): CurriculumIssue[] {
  return [
    ...checkSizes(file, lesson, policy),
    ...(plainLanguage && policy.maxReadingGrade !== null ? checkReadability(file, lesson, policy.maxReadingGrade) : []),
    ...(policy.wordsMatter ? checkLessonLanguage(file, lesson) : []),
    ...checkSources(file, lesson.frontMatter, policy.minSources),
  ];
}

function checkSizes(file: string, lesson: ParsedLesson, policy: Readonly<ContentPolicy>): CurriculumIssue[] {
  const issues: CurriculumIssue[] = [];
  const { frontMatter } = lesson;
  if (policy.bodyWords) {
    const words = countWords(lessonMarkdown(lesson).blocks);
    if (outside(words, policy.bodyWords)) {
      issues.push(issue(file, 'body', `the lesson body has ${words} words; bundled lessons have ${rangeText(policy.bodyWords)} words (front matter excluded)`));
    }
  }
  if (policy.objectives && outside(frontMatter.objectives.length, policy.objectives)) {
    issues.push(issue(file, 'objectives', `${plural(frontMatter.objectives.length, 'objective')}; bundled lessons have ${rangeText(policy.objectives)}`));
  }
  if (policy.quizQuestions) {
    const quiz = frontMatter.quiz;
    if (!quiz) issues.push(issue(file, 'quiz', `the lesson has no quiz; bundled lessons end with a quiz of ${rangeText(policy.quizQuestions)} questions`));
    else if (outside(quiz.questions.length, policy.quizQuestions)) {
      issues.push(issue(file, 'quiz.questions', `${plural(quiz.questions.length, 'question')}; bundled quizzes have ${rangeText(policy.quizQuestions)}`));
    }
  }
  return issues;
}

/**
 * Flesch-Kincaid over the body's prose (Markdown removed, headings left out). The
 * message names the hardest paragraphs, since a grade for the whole lesson does
 * not tell a writer where to start.
 */
function checkReadability(file: string, lesson: ParsedLesson, maxGrade: number): CurriculumIssue[] {
  const blocks = lessonMarkdown(lesson).blocks;
  const prose = readableProse(blocks);
  if (prose === '') return [];
  const grade = fleschKincaidGrade(prose);
  if (grade <= maxGrade) return [];
  const hardest = blocks
    .filter((block) => block.kind === 'text' && countWords([block]) >= 12)
    .map((block) => ({ line: fileLine(lesson, block.line), grade: fleschKincaidGrade(readableProse([block])) }))
    .filter((block) => block.grade > maxGrade)
    .sort((a, b) => b.grade - a.grade)
    .slice(0, 3)
    .map((block) => `line ${block.line} (grade ${block.grade})`);
  const where = hardest.length > 0 ? `; hardest paragraphs: ${hardest.join(', ')}` : '';
  return [
    issue(
      file,
      'body',
      `Flesch-Kincaid grade ${grade} is above ${maxGrade}, the limit for courses for patients and families; use shorter sentences and everyday words${where}`,
    ),
  ];
}

function checkSources(file: string, frontMatter: LessonFrontMatter, minSources: number): CurriculumIssue[] {
  if (frontMatter.sources.length >= minSources) return [];
  const found = frontMatter.sources.length === 0 ? 'the lesson names no sources' : `the lesson names ${plural(frontMatter.sources.length, 'source')}`;
  return [issue(file, 'sources', `${found}; list at least ${minSources} under \`sources\`, each with a \`title\` and a \`url\``)];
}

/**
 * A family member asked to write where they would go if unsafe may be writing it
 * in an app the person they fear can open. Such a prompt must say so first.
 */
const SAFETY_PLAN = /\bsafety plan\b/i;
const DEVICE_WARNING = /\b(device|phone|computer)\b/i;

function checkSharedDeviceWarning(file: string, frontMatter: LessonFrontMatter): CurriculumIssue[] {
  return frontMatter.reflectionPrompts.flatMap((prompt, i) =>
    SAFETY_PLAN.test(prompt.prompt) && !DEVICE_WARNING.test(prompt.prompt)
      ? [
          issue(
            file,
            `reflectionPrompts[${i}].prompt`,
            'a family prompt that asks for a safety plan must first warn that others who open this app or device may see the answer, and offer paper or a counselor instead',
          ),
        ]
      : [],
  );
}

// ---------------------------------------------------------------- Words Matter

/** Every learner-facing string of a lesson with its field path. Source titles and URLs are deliberately absent. */
export function learnerFacingFields(frontMatter: LessonFrontMatter): Array<{ field: string; text: string }> {
  const fields = [{ field: 'title', text: frontMatter.title }];
  frontMatter.objectives.forEach((text, i) => fields.push({ field: `objectives[${i}]`, text }));
  if (frontMatter.contentNote !== undefined) fields.push({ field: 'contentNote', text: frontMatter.contentNote });
  frontMatter.reflectionPrompts.forEach((prompt, i) => fields.push({ field: `reflectionPrompts[${i}].prompt`, text: prompt.prompt }));
  frontMatter.quiz?.questions.forEach((question, i) => {
    const at = `quiz.questions[${i}]`;
    fields.push({ field: `${at}.prompt`, text: question.prompt });
    question.options?.forEach((option, j) => fields.push({ field: `${at}.options[${j}].text`, text: option.text }));
    fields.push({ field: `${at}.rationale`, text: question.rationale });
  });
  return fields;
}

function checkLessonLanguage(file: string, lesson: ParsedLesson): CurriculumIssue[] {
  const issues = learnerFacingFields(lesson.frontMatter).flatMap(({ field, text }) =>
    findStigmatizingTerms(text).map((match) => issue(file, field, stigmaMessage(match))),
  );
  for (const block of lessonMarkdown(lesson).blocks) {
    for (const match of findStigmatizingTerms(block.text)) {
      const line = fileLine(lesson, block.line) + newlinesBefore(block.text, match.index);
      issues.push(issue(file, 'body', `line ${line}: ${stigmaMessage(match)}`, line));
    }
  }
  return issues;
}

function checkManifestLanguage(file: string, manifest: CourseManifest): CurriculumIssue[] {
  return [
    { field: 'title', text: manifest.title },
    { field: 'summary', text: manifest.summary },
  ].flatMap(({ field, text }) => findStigmatizingTerms(text).map((match) => issue(file, field, stigmaMessage(match))));
}

function newlinesBefore(text: string, index: number): number {
  let count = 0;
  for (let i = 0; i < index; i += 1) if (text[i] === '\n') count += 1;
  return count;
}

// ---------------------------------------------------------------- helpers

function outside(value: number, range: CountRange): boolean {
  return value < range.min || value > range.max;
}

function rangeText(range: CountRange): string {
  return range.min === range.max ? String(range.min) : `${range.min}-${range.max}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
