import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { isDuplicateKeyError } from '../../src/common/errors';
import type { CurriculumCourse, CurriculumLesson } from './content/validate-curriculum';
import { renderLessonHtml } from './lesson-html';
import { Course, Lesson, Quiz, type StoredQuestion } from './schemas/curriculum.schemas';

export interface ImportSummary {
  added: string[];
  changed: Array<{ slug: string; version: number; lessonsAdded: string[]; lessonsChanged: string[]; lessonsRetired: string[] }>;
  unchanged: string[];
  retired: string[];
}

export type ImportProgress = (done: number, total: number, label: string) => void;

/**
 * Writes validated content into MongoDB. Idempotent: a course whose content hash
 * is unchanged is left alone. A changed course gets a new version; lessons whose
 * own hash is unchanged are shared with the previous version, so their ids (and
 * learners' progress on them) carry over (docs/architecture.md invariant 8). The new course
 * version is written last, so readers never see a version with missing lessons.
 */
@Injectable()
export class CurriculumImportService {
  constructor(
    @InjectModel(Course.name) private readonly courses: Model<Course>,
    @InjectModel(Lesson.name) private readonly lessons: Model<Lesson>,
    @InjectModel(Quiz.name) private readonly quizzes: Model<Quiz>,
  ) {}

  async import(input: readonly CurriculumCourse[], { onProgress = () => undefined, retireMissing = true }: { onProgress?: ImportProgress; retireMissing?: boolean } = {}): Promise<ImportSummary> {
    const summary: ImportSummary = { added: [], changed: [], unchanged: [], retired: [] };
    const total = input.length;
    let done = 0;
    for (const course of input) {
      onProgress(done, total, course.slug);
      const current = await this.courses.findOne({ slug: course.slug }).sort({ version: -1 }).lean();
      if (current && current.contentHash === course.contentHash && !current.retiredAt) {
        summary.unchanged.push(course.slug);
      } else {
        const refs = [];
        for (const lesson of course.lessons) refs.push(await this.ensureLesson(course.slug, lesson));
        const version = (current?.version ?? 0) + 1;
        try {
          await this.courses.create({ ...manifestFields(course), version, contentHash: course.contentHash, lessons: refs });
        } catch (error) {
          // A concurrent import wrote this version first; if it holds the same content, we are done.
          const winner = isDuplicateKeyError(error) ? await this.courses.findOne({ slug: course.slug, version }, { contentHash: 1 }).lean() : null;
          if (winner?.contentHash !== course.contentHash) throw error;
          summary.unchanged.push(course.slug);
          onProgress(++done, total, course.slug);
          continue;
        }
        if (!current) {
          summary.added.push(course.slug);
        } else {
          const before = new Map(current.lessons.map((l) => [l.slug, l.lessonId.toHexString()]));
          const after = new Map(refs.map((l) => [l.slug, l.lessonId.toHexString()]));
          summary.changed.push({
            slug: course.slug,
            version,
            lessonsAdded: [...after.keys()].filter((s) => !before.has(s)),
            lessonsChanged: [...after.keys()].filter((s) => before.has(s) && before.get(s) !== after.get(s)),
            lessonsRetired: [...before.keys()].filter((s) => !after.has(s)),
          });
        }
      }
      onProgress(++done, total, course.slug);
    }
    if (!retireMissing) return summary;
    const present = new Set(input.map((c) => c.slug));
    const stale = await this.courses.distinct('slug', { retiredAt: { $exists: false } });
    for (const slug of stale.filter((s) => !present.has(s))) {
      await this.courses.updateMany({ slug, retiredAt: { $exists: false } }, { $set: { retiredAt: new Date() } });
      summary.retired.push(slug);
    }
    return summary;
  }

  /** The stored version of this lesson's exact content, written once. */
  private async ensureLesson(courseSlug: string, lesson: CurriculumLesson) {
    const fm = lesson.frontMatter;
    let stored = await this.lessons.findOne({ courseSlug, slug: lesson.slug, contentHash: lesson.contentHash }).lean();
    if (!stored) {
      const lessonId = new Types.ObjectId();
      const quizId = fm.quiz ? new Types.ObjectId() : undefined;
      if (fm.quiz && quizId) {
        const { questions, ...settings } = fm.quiz;
        await this.quizzes.create({ _id: quizId, lessonId, courseSlug, lessonSlug: lesson.slug, settings, questions: questions.map(storedQuestion) });
      }
      try {
        const created = await this.lessons.create({
          _id: lessonId,
          courseSlug,
          slug: lesson.slug,
          contentHash: lesson.contentHash,
          title: fm.title,
          objectives: fm.objectives,
          estimatedMinutes: fm.estimatedMinutes,
          required: fm.required,
          contentNote: fm.contentNote,
          bodyMarkdown: lesson.body.trim(),
          bodyHtml: renderLessonHtml(lesson.body, courseSlug),
          sources: fm.sources,
          reflectionPrompts: fm.reflectionPrompts ?? [],
          quizId,
        });
        stored = created.toObject();
      } catch (error) {
        // Another instance imported the same lesson version at the same moment: use theirs.
        if (!isDuplicateKeyError(error)) throw error;
        if (quizId) await this.quizzes.deleteOne({ _id: quizId });
        stored = (await this.lessons.findOne({ courseSlug, slug: lesson.slug, contentHash: lesson.contentHash }).lean())!;
      }
    }
    return { slug: lesson.slug, lessonId: stored._id, title: stored.title, required: stored.required, estimatedMinutes: stored.estimatedMinutes, quizId: stored.quizId };
  }
}

function manifestFields(course: CurriculumCourse) {
  const m = course.manifest;
  return {
    slug: m.slug,
    title: m.title,
    summary: m.summary,
    audiences: m.audiences,
    locale: m.locale,
    estimatedMinutes: m.estimatedMinutes,
    contactHours: m.contactHours,
    ceApproval: m.ceApproval,
    prerequisites: m.prerequisites,
    sequence: m.sequence,
    completion: m.completion,
  };
}

/** TRUE_FALSE is stored as two options, so grading treats every kind alike. */
function storedQuestion(q: { id: string; kind: StoredQuestion['kind']; prompt: string; options?: Array<{ id: string; text: string; correct: boolean }>; answer?: boolean; rationale: string }): StoredQuestion {
  const options =
    q.kind === 'TRUE_FALSE'
      ? [
          { id: 'true', text: 'True', correct: q.answer === true },
          { id: 'false', text: 'False', correct: q.answer === false },
        ]
      : (q.options ?? []);
  return { id: q.id, kind: q.kind, prompt: q.prompt, options, rationale: q.rationale };
}
