import { PLAIN_LANGUAGE_AUDIENCES } from './content-checks';
import { lessonMarkdown } from './lesson-markdown';
import type { LoadedCourse, LoadedCurriculum } from './load-curriculum';
import { readableProse } from './markdown-text';
import { type QuizStatistics, addStatistics, courseQuizStatistics, emptyStatistics } from './quiz-honesty';
import { fleschKincaidGrade } from './readability';
import { parsedLessons } from './structure-checks';

/**
 * What the validator's summary prints per course: how many lessons, how hard the
 * hardest lesson reads, and the quiz patterns the honesty checks count. Printed
 * whether or not the checks pass, so a reviewer sees the margins, not just "OK".
 */
export interface CourseStatistics {
  slug: string;
  lessons: number;
  questions: number;
  /** Flesch-Kincaid grade of the hardest and easiest lesson body; null without prose. */
  readingGrade: { min: number; max: number } | null;
  /** Whether the reading-grade limit applies (courses for patients or families). */
  plainLanguage: boolean;
  quiz: QuizStatistics;
}

export function curriculumStatistics(curriculum: LoadedCurriculum): CourseStatistics[] {
  return curriculum.courses.map(courseStatistics);
}

function courseStatistics(course: LoadedCourse): CourseStatistics {
  const lessons = parsedLessons(course);
  const grades = lessons
    .map(({ lesson }) => readableProse(lessonMarkdown(lesson).blocks))
    .filter((prose) => prose !== '')
    .map(fleschKincaidGrade);
  const quiz = courseQuizStatistics(course);
  return {
    slug: course.manifest?.slug ?? course.dirName,
    lessons: course.lessonFiles.length,
    questions: quiz.singleChoice + quiz.trueFalse + quiz.multipleChoice,
    readingGrade: grades.length === 0 ? null : { min: Math.min(...grades), max: Math.max(...grades) },
    plainLanguage: course.manifest?.audiences.some((audience) => PLAIN_LANGUAGE_AUDIENCES.has(audience)) ?? false,
    quiz,
  };
}

/** A fixed-width table, one row per course and a total row. */
export function statisticsTable(statistics: readonly CourseStatistics[], maxReadingGrade: number | null): string[] {
  if (statistics.length === 0) return [];
  const ratio = (part: number, whole: number): string => (whole === 0 ? '-' : `${part}/${whole} ${Math.round((part / whole) * 100)}%`);
  const grade = (row: CourseStatistics): string => {
    if (!row.readingGrade) return '-';
    const limit = row.plainLanguage && maxReadingGrade !== null ? ` (≤${maxReadingGrade})` : '';
    return `${row.readingGrade.min.toFixed(1)}-${row.readingGrade.max.toFixed(1)}${limit}`;
  };
  const header = ['course', 'lessons', 'questions', 'reading grade', 'key longest', 'true of T/F', 'all-but-one'];
  const rows = statistics.map((row) => [
    row.slug,
    String(row.lessons),
    String(row.questions),
    grade(row),
    ratio(row.quiz.keyLongest, row.quiz.singleChoice),
    ratio(row.quiz.trueAnswers, row.quiz.trueFalse),
    ratio(row.quiz.allButOne, row.quiz.multipleChoice),
  ]);
  const total = statistics.reduce((sum, row) => addStatistics(sum, row.quiz), emptyStatistics());
  const maxGrades = statistics.flatMap((row) => (row.readingGrade ? [row.readingGrade] : []));
  rows.push([
    'all',
    String(statistics.reduce((sum, row) => sum + row.lessons, 0)),
    String(statistics.reduce((sum, row) => sum + row.questions, 0)),
    maxGrades.length === 0 ? '-' : `${Math.min(...maxGrades.map((g) => g.min)).toFixed(1)}-${Math.max(...maxGrades.map((g) => g.max)).toFixed(1)}`,
    ratio(total.keyLongest, total.singleChoice),
    ratio(total.trueAnswers, total.trueFalse),
    ratio(total.allButOne, total.multipleChoice),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
