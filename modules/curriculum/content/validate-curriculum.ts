import { BUNDLED_CONTENT_POLICY, type ContentPolicy, checkContent } from './content-checks';
import { courseContentHash, lessonContentHash } from './content-hash';
import type { CourseManifest, LessonFrontMatter } from './content.schema';
import { type CurriculumIssue, sortIssues } from './curriculum-issue';
import { type CourseStatistics, curriculumStatistics } from './curriculum-statistics';
import { type LoadOptions, type LoadedCourse, type LoadedCurriculum, loadCurriculum } from './load-curriculum';
import { checkStructure } from './structure-checks';

/**
 * The curriculum validator: load, then structural checks, then (by default)
 * content checks. The result is usable for an import only when `issues` is empty;
 * `courses` then holds every course with all its lessons, in manifest order.
 */

export interface CurriculumLesson {
  slug: string;
  /** Path relative to the repository root. */
  file: string;
  frontMatter: LessonFrontMatter;
  /** Markdown body, as written. */
  body: string;
  bodyStartLine: number;
  /** See content-hash.ts: changes exactly when the lesson's content changes. */
  contentHash: string;
}

export interface CurriculumCourse {
  slug: string;
  /** Folder and `course.yaml` paths relative to the repository root. */
  dir: string;
  file: string;
  manifest: CourseManifest;
  /** In the manifest's order. */
  lessons: CurriculumLesson[];
  /** Over the manifest and the lessons' hashes in order. */
  contentHash: string;
}

export interface CurriculumValidation {
  /** Absolute path of the folder validated. */
  root: string;
  courses: CurriculumCourse[];
  issues: CurriculumIssue[];
  /** What was found on disk, for the summary line: course folders and lesson files. */
  counts: { courses: number; lessons: number; filesWithIssues: number };
  /** Per course, for the summary: lessons, reading grades and quiz patterns. Empty unless asked for. */
  statistics: CourseStatistics[];
}

export interface ValidateOptions extends LoadOptions {
  /** Content policy, or `false` for structural checks only. Default: the bundled curriculum's policy. */
  content?: Readonly<ContentPolicy> | false;
  /** Compute the per-course statistics table (the CLI does; an import does not need it). */
  statistics?: boolean;
}

export async function validateCurriculum(dir?: string, options: ValidateOptions = {}): Promise<CurriculumValidation> {
  const loaded = await loadCurriculum(dir, options);
  const result = validateLoaded(loaded, options.content);
  return options.statistics ? { ...result, statistics: curriculumStatistics(loaded) } : result;
}

/** Pure: the checks over an already loaded curriculum. */
export function validateLoaded(loaded: LoadedCurriculum, content: Readonly<ContentPolicy> | false = BUNDLED_CONTENT_POLICY): CurriculumValidation {
  const issues = sortIssues([
    ...loaded.issues,
    ...checkStructure(loaded),
    ...(content === false ? [] : checkContent(loaded, content)),
  ]);
  return {
    root: loaded.root,
    courses: assembleCourses(loaded.courses),
    issues,
    counts: {
      courses: loaded.courses.length,
      lessons: loaded.courses.reduce((total, course) => total + course.lessonFiles.length, 0),
      filesWithIssues: new Set(issues.map((found) => found.file)).size,
    },
    statistics: [],
  };
}

/**
 * Courses whose manifest parsed, each with the listed lessons that parsed, hashed.
 * With issues present this can be partial; callers import only when there are none.
 */
export function assembleCourses(courses: readonly LoadedCourse[]): CurriculumCourse[] {
  return courses.flatMap((course) => {
    const manifest = course.manifest;
    if (!manifest) return [];
    const lessons = manifest.lessons.flatMap((slug): CurriculumLesson[] => {
      const lessonFile = course.lessonFiles.find((candidate) => candidate.fileSlug === slug && candidate.lesson);
      const lesson = lessonFile?.lesson;
      if (!lessonFile || !lesson) return [];
      return [
        {
          slug,
          file: lessonFile.file,
          frontMatter: lesson.frontMatter,
          body: lesson.body,
          bodyStartLine: lesson.bodyStartLine,
          contentHash: lessonContentHash(lesson.frontMatter, lesson.body),
        },
      ];
    });
    const contentHash = courseContentHash(manifest, lessons.map((lesson) => lesson.contentHash));
    return [{ slug: manifest.slug, dir: course.dir, file: course.file, manifest, lessons, contentHash }];
  });
}

/** `5 courses, 21 lessons: OK` or `3 problems in 2 files (5 courses, 21 lessons)`. */
export function summarize(result: CurriculumValidation): string {
  const found = `${plural(result.counts.courses, 'course')}, ${plural(result.counts.lessons, 'lesson')}`;
  if (result.issues.length === 0) return `${found}: OK`;
  return `${plural(result.issues.length, 'problem')} in ${plural(result.counts.filesWithIssues, 'file')} (${found})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
