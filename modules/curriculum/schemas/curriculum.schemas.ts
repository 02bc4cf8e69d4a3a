import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/**
 * One version of a course. A new version is written whenever the course's
 * content hash changes; the newest non-retired version is the one served.
 * Older versions stay, because completion records name the version completed.
 */
@Schema({ collection: 'courses', timestamps: true })
export class Course {
  _id: Types.ObjectId;
  @Prop({ required: true }) slug: string;
  @Prop({ required: true }) version: number;
  @Prop({ required: true }) contentHash: string;
  @Prop({ required: true }) title: string;
  @Prop({ required: true }) summary: string;
  @Prop({ type: [String], required: true }) audiences: string[];
  @Prop({ required: true }) locale: string;
  @Prop({ required: true }) estimatedMinutes: number;
  @Prop() contactHours?: number;
  @Prop({ type: Object }) ceApproval?: { approvingBody: string; providerNumber: string; statement: string };
  @Prop({ type: [String], default: [] }) prerequisites: string[];
  @Prop({ required: true }) sequence: string;
  @Prop({ type: Object, required: true }) completion: { requiredLessons: string; requirePassedQuizzes: boolean; minimumScore?: number };
  /** Ordered lesson references: the slug is the lesson's identity across versions. */
  @Prop({ type: [{ slug: String, lessonId: Types.ObjectId, title: String, required: Boolean, estimatedMinutes: Number, quizId: Types.ObjectId, _id: false }], required: true })
  lessons: Array<{ slug: string; lessonId: Types.ObjectId; title: string; required: boolean; estimatedMinutes: number; quizId?: Types.ObjectId }>;
  @Prop() retiredAt?: Date;
  createdAt: Date;
}
export type CourseDocument = HydratedDocument<Course>;
export const CourseSchema = SchemaFactory.createForClass(Course);
CourseSchema.index({ slug: 1, version: 1 }, { unique: true });
CourseSchema.index({ audiences: 1, slug: 1, version: -1 });

/** One version of a lesson, shared by every course version whose copy of it is unchanged. */
@Schema({ collection: 'lessons', timestamps: true })
export class Lesson {
  _id: Types.ObjectId;
  @Prop({ required: true }) courseSlug: string;
  @Prop({ required: true }) slug: string;
  @Prop({ required: true }) contentHash: string;
  @Prop({ required: true }) title: string;
  @Prop({ type: [String], required: true }) objectives: string[];
  @Prop({ required: true }) estimatedMinutes: number;
  @Prop({ required: true }) required: boolean;
  @Prop() contentNote?: string;
  @Prop({ required: true }) bodyMarkdown: string;
  @Prop({ required: true }) bodyHtml: string;
  @Prop({ type: [{ title: String, url: String, _id: false }], required: true }) sources: Array<{ title: string; url: string }>;
  @Prop({ type: [{ id: String, prompt: String, _id: false }], default: [] }) reflectionPrompts: Array<{ id: string; prompt: string }>;
  @Prop({ type: Types.ObjectId }) quizId?: Types.ObjectId;
}
export type LessonDocument = HydratedDocument<Lesson>;
export const LessonSchema = SchemaFactory.createForClass(Lesson);
LessonSchema.index({ courseSlug: 1, slug: 1, contentHash: 1 }, { unique: true });

export interface StoredQuestion {
  id: string;
  kind: 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'TRUE_FALSE';
  prompt: string;
  options: Array<{ id: string; text: string; correct: boolean }>;
  rationale: string;
}

/**
 * A lesson version's quiz, answer keys and rationales included. Only the
 * assessment module's grading reads `questions[].options[].correct` and
 * `rationale`; the API types have no fields for them (docs/architecture.md invariant 1).
 */
@Schema({ collection: 'quizzes', timestamps: true })
export class Quiz {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) lessonId: Types.ObjectId;
  @Prop({ required: true }) courseSlug: string;
  @Prop({ required: true }) lessonSlug: string;
  @Prop({ type: Object, required: true })
  settings: { passingScore: number; maxAttempts: number; shuffle: boolean; gradingMethod: string; cooldownMinutes: number; drawCount?: number; showFeedback: boolean };
  @Prop({ type: Array, required: true }) questions: StoredQuestion[];
}
export type QuizDocument = HydratedDocument<Quiz>;
export const QuizSchema = SchemaFactory.createForClass(Quiz);
QuizSchema.index({ lessonId: 1 }, { unique: true });
