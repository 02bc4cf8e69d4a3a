import { Injectable } from '@nestjs/common';
import { CoursesService } from '../curriculum';
import type { CourseRule } from './course-completion';

export interface LessonMeta {
  lessonId: string;
  courseSlug: string;
  lessonSlug: string;
  title: string;
  required: boolean;
  hasQuiz: boolean;
  audiences: readonly string[];
  sequence: string;
  requirePassedQuizzes: boolean;
  /** Slugs of courses that must be completed before this lesson's course opens. */
  prerequisites: readonly string[];
  /** Required lessons of the course before this one, in order (for IN_ORDER locks). */
  requiredBefore: ReadonlyArray<{ slug: string; title: string }>;
}

const TTL_MS = 60_000;

/** A current course version's completion rule and prerequisites. */
export interface CurrentCourse extends CourseRule {
  prerequisites: readonly string[];
}

/**
 * Lesson versions never change once imported, so their course context is cached
 * briefly in memory: a progress event then costs one database command, not three.
 */
@Injectable()
export class LessonCatalog {
  private readonly cache = new Map<string, { meta: LessonMeta | null; at: number }>();

  constructor(private readonly courses: CoursesService) {}

  private gated?: { slugs: ReadonlySet<string>; at: number };

  /** Slugs of the current courses that have prerequisites (cached like lessons). */
  async coursesWithPrerequisites(): Promise<ReadonlySet<string>> {
    if (this.gated && Date.now() - this.gated.at < TTL_MS) return this.gated.slugs;
    const slugs = new Set(await this.courses.coursesWithPrerequisites());
    this.gated = { slugs, at: Date.now() };
    return slugs;
  }

  private readonly courseRules = new Map<string, { rule: CurrentCourse | null; at: number }>();

  /**
   * The current version of a course as its completion rule needs it (cached like lessons:
   * a course version's lessons never change; a new version is seen within the TTL).
   */
  async currentCourse(slug: string): Promise<CurrentCourse | null> {
    const hit = this.courseRules.get(slug);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.rule;
    const course = await this.courses.currentCourse(slug);
    const rule: CurrentCourse | null = course && {
      slug: course.slug,
      version: course.version,
      prerequisites: [...course.prerequisites],
      completion: { requirePassedQuizzes: course.completion.requirePassedQuizzes, minimumScore: course.completion.minimumScore },
      lessons: course.lessons.map((l) => ({ slug: l.slug, required: l.required, hasQuiz: Boolean(l.quizId) })),
    };
    if (this.courseRules.size > 1000) this.courseRules.clear();
    this.courseRules.set(slug, { rule, at: Date.now() });
    return rule;
  }

  async get(lessonId: string): Promise<LessonMeta | null> {
    const hit = this.cache.get(lessonId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.meta;
    const found = await this.courses.lessonWithCourse(lessonId);
    let meta: LessonMeta | null = null;
    if (found) {
      const { lesson, course } = found;
      const index = course.lessons.findIndex((l) => l.slug === lesson.slug);
      meta = {
        lessonId,
        courseSlug: course.slug,
        lessonSlug: lesson.slug,
        title: lesson.title,
        required: lesson.required,
        hasQuiz: Boolean(lesson.quizId),
        audiences: course.audiences,
        sequence: course.sequence,
        requirePassedQuizzes: course.completion.requirePassedQuizzes,
        prerequisites: [...course.prerequisites],
        requiredBefore: course.lessons.slice(0, Math.max(index, 0)).filter((l) => l.required).map((l) => ({ slug: l.slug, title: l.title })),
      };
    }
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(lessonId, { meta, at: Date.now() });
    return meta;
  }
}
