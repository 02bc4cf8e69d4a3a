import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { Role, type Principal } from '../../src/auth/principal';
import { NotFound } from '../../src/common/errors';
import { isStaffRole, UsersService } from '../identity';
import { CRISIS_RESOURCES, EDUCATIONAL_DISCLAIMER, REFLECTION_NOTICES } from './crisis-resources';
import { renderLessonHtml } from './lesson-html';
import { Audience, toLearnerQuestion, type CourseModel, type LessonModel } from './models/curriculum.models';
import { fillProgramInfo, hasProgramPlaceholders, programInfoFrom } from './program-info';
import { Course, Lesson, Quiz } from './schemas/curriculum.schemas';
import { toCourseView, toLessonView, toQuizView, type CourseView, type LessonView, type QuizView } from './views';

/** Which audience a learner role reads as; clinicians and admins see every course. */
export function audienceOf(role: Role): Audience | undefined {
  return { [Role.PATIENT]: Audience.PATIENT, [Role.FAMILY]: Audience.FAMILY, [Role.STAFF]: Audience.STAFF }[role as string];
}

/**
 * The courses a person takes as a learner. Clinicians and admins see every course (they
 * assign them), and take the staff courses themselves: the training gate needs them to.
 */
export function learnerAudienceOf(role: Role): Audience | undefined {
  return audienceOf(role) ?? (isStaffRole(role) ? Audience.STAFF : undefined);
}

/**
 * Reads published content. What leaves for other modules is a view (views.ts), never a
 * stored document. Quiz answer keys never leave this service except through `quizForGrading`.
 */
@Injectable()
export class CoursesService {
  constructor(
    @InjectModel(Course.name) private readonly courses: Model<Course>,
    @InjectModel(Lesson.name) private readonly lessons: Model<Lesson>,
    @InjectModel(Quiz.name) private readonly quizzes: Model<Quiz>,
    private readonly users: UsersService,
  ) {}

  /** The current version of each live course, optionally for one audience. */
  async currentCourses(audience?: Audience): Promise<CourseView[]> {
    const match: Record<string, unknown> = { retiredAt: { $exists: false } };
    if (audience) match.audiences = audience;
    const rows = await this.courses.aggregate<{ doc: Course }>([
      { $match: match },
      { $sort: { slug: 1, version: -1 } },
      { $group: { _id: '$slug', doc: { $first: '$$ROOT' } } },
      { $sort: { _id: 1 } },
    ]);
    return rows.map((r) => toCourseView(r.doc));
  }

  /** Slugs of the current courses that have prerequisites, walking the (slug, version) index newest first. */
  async coursesWithPrerequisites(): Promise<string[]> {
    const rows = await this.courses.find({}, { slug: 1, version: 1, retiredAt: 1, prerequisites: 1 }).sort({ slug: -1, version: -1 }).lean();
    const current = new Map<string, Pick<Course, 'prerequisites'>>();
    for (const row of rows) if (!row.retiredAt && !current.has(row.slug)) current.set(row.slug, row);
    return [...current].filter(([, c]) => (c.prerequisites ?? []).length > 0).map(([slug]) => slug);
  }

  async currentCourse(slug: string): Promise<CourseView | null> {
    const course = await this.courses.findOne({ slug, retiredAt: { $exists: false } }).sort({ version: -1 }).lean();
    return course && toCourseView(course);
  }

  visibleTo(viewer: Principal, course: Pick<CourseView, 'audiences'>): boolean {
    const audience = audienceOf(viewer.role);
    return !audience || course.audiences.includes(audience);
  }

  /** Whether the viewer takes this course as a learner (clinicians and admins see every course but take the staff ones). */
  takes(viewer: Principal, course: Pick<CourseView, 'audiences'>): boolean {
    const audience = learnerAudienceOf(viewer.role);
    return Boolean(audience) && course.audiences.includes(audience!);
  }

  async courseFor(viewer: Principal, slug: string): Promise<CourseView> {
    const course = await this.currentCourse(slug);
    if (!course || !this.visibleTo(viewer, course)) throw new NotFound('That course');
    return course;
  }

  async lessonFor(viewer: Principal, lessonId: string): Promise<LessonModel> {
    if (!Types.ObjectId.isValid(lessonId)) throw new NotFound('That lesson');
    // The lesson reader's reads go through the driver (bench/RESULTS.md, issue 18): the filters hold
    // stored types already, and lean Mongoose reads return the stored documents unchanged too.
    const lesson = await this.lessons.collection.findOne<Lesson>({ _id: new Types.ObjectId(lessonId) });
    if (!lesson) throw new NotFound('That lesson');
    // Audience check against any version of the course that holds this lesson.
    const course = await this.courses.collection.findOne<Pick<Course, 'audiences'>>({ slug: lesson.courseSlug, 'lessons.lessonId': lesson._id }, { projection: { audiences: 1 } });
    if (!course || !this.visibleTo(viewer, course)) throw new NotFound('That lesson');
    return this.toLessonModel(lesson, viewer, course.audiences);
  }

  async lessonBySlugFor(viewer: Principal, courseSlug: string, lessonSlug: string): Promise<LessonModel> {
    const course = await this.courseFor(viewer, courseSlug);
    const ref = course.lessons.find((l) => l.slug === lessonSlug);
    if (!ref) throw new NotFound('That lesson');
    return this.lessonFor(viewer, ref.lessonId.toHexString());
  }

  /** A specific course version (completion records name the version completed). */
  async courseVersion(slug: string, version: number): Promise<CourseView | null> {
    const course = await this.courses.findOne({ slug, version }).lean();
    return course && toCourseView(course);
  }

  /** Current versions of the given courses, in one query. */
  async currentCoursesBySlug(slugs: readonly string[]): Promise<Map<string, CourseView>> {
    // Read by every dashboard: through the driver, as the lesson reader's reads are.
    const rows = await this.courses.collection.find<Course>({ slug: { $in: [...new Set(slugs)] }, retiredAt: { $exists: false } }, { sort: { slug: 1, version: -1 } }).toArray();
    const bySlug = new Map<string, CourseView>();
    for (const row of rows) if (!bySlug.has(row.slug)) bySlug.set(row.slug, toCourseView(row));
    return bySlug;
  }

  /** A lesson version with the course versions that contain it, for progress and grading. */
  async lessonWithCourse(lessonId: string): Promise<{ lesson: LessonView; course: CourseView } | null> {
    if (!Types.ObjectId.isValid(lessonId)) return null;
    const lesson = await this.lessons.findById(lessonId, { bodyMarkdown: 0, bodyHtml: 0 }).lean();
    if (!lesson) return null;
    const course = await this.courses.findOne({ slug: lesson.courseSlug, 'lessons.lessonId': lesson._id }).sort({ version: -1 }).lean();
    return course ? { lesson: toLessonView(lesson), course: toCourseView(course) } : null;
  }

  /**
   * The quiz WITH its answer key and rationales, for server-side grading only
   * (assessment module). Never map this into an API type before an attempt is submitted.
   */
  async quizForGrading(quizId: string): Promise<QuizView | null> {
    if (!Types.ObjectId.isValid(quizId)) return null;
    const quiz = await this.quizzes.findById(quizId).lean();
    return quiz && toQuizView(quiz);
  }

  /**
   * Who reads reflections depends on the reader: their own audience, or for the
   * care team previewing a lesson, the course's audience (patients' when mixed).
   */
  private reflectionNotice(viewer: Principal, courseAudiences: readonly string[]): string {
    const audience = audienceOf(viewer.role) ?? (courseAudiences.length === 1 ? (courseAudiences[0] as Audience) : Audience.PATIENT);
    return REFLECTION_NOTICES[audience];
  }

  /** The body as this reader's organization sees it: program placeholders filled, then rendered and sanitized here. */
  private async bodyFor(viewer: Principal, lesson: Lesson): Promise<{ bodyMarkdown: string; bodyHtml: string }> {
    if (!hasProgramPlaceholders(lesson.bodyMarkdown)) return { bodyMarkdown: lesson.bodyMarkdown, bodyHtml: lesson.bodyHtml };
    const info = programInfoFrom(await this.users.organization(viewer.orgId));
    const bodyMarkdown = fillProgramInfo(lesson.bodyMarkdown, info);
    return { bodyMarkdown, bodyHtml: renderLessonHtml(bodyMarkdown, lesson.courseSlug) };
  }

  private async toLessonModel(lesson: Lesson, viewer: Principal, courseAudiences: readonly string[]): Promise<LessonModel> {
    const quiz = lesson.quizId ? await this.quizzes.collection.findOne<Quiz>({ _id: lesson.quizId }) : null;
    const notice = this.reflectionNotice(viewer, courseAudiences);
    return {
      id: lesson._id.toHexString(),
      courseSlug: lesson.courseSlug,
      slug: lesson.slug,
      title: lesson.title,
      objectives: lesson.objectives,
      estimatedMinutes: lesson.estimatedMinutes,
      required: lesson.required,
      contentNote: lesson.contentNote,
      ...(await this.bodyFor(viewer, lesson)),
      sources: lesson.sources,
      reflectionPrompts: lesson.reflectionPrompts.map((p) => ({ ...p, notice })),
      // Built field by field: answer keys and rationales have nowhere to go.
      quiz: quiz
        ? {
            id: quiz._id.toHexString(),
            passingScore: quiz.settings.passingScore,
            maxAttempts: quiz.settings.maxAttempts,
            shuffle: quiz.settings.shuffle,
            gradingMethod: quiz.settings.gradingMethod,
            drawCount: quiz.settings.drawCount,
            questionCount: quiz.questions.length,
            questions: quiz.questions.map(toLearnerQuestion),
          }
        : undefined,
      crisisResources: [...CRISIS_RESOURCES],
      disclaimer: EDUCATIONAL_DISCLAIMER,
    };
  }

  toCourseModel(course: CourseView): CourseModel {
    return {
      id: course._id.toHexString(),
      slug: course.slug,
      version: course.version,
      title: course.title,
      summary: course.summary,
      audiences: [...course.audiences] as Audience[],
      locale: course.locale,
      estimatedMinutes: course.estimatedMinutes,
      contactHours: course.contactHours,
      ceApproval: course.ceApproval,
      prerequisites: [...course.prerequisites],
      sequence: course.sequence,
      lessons: course.lessons.map((l) => ({
        id: l.lessonId.toHexString(),
        slug: l.slug,
        title: l.title,
        required: l.required,
        estimatedMinutes: l.estimatedMinutes,
        quizId: l.quizId?.toHexString(),
      })),
    };
  }
}
