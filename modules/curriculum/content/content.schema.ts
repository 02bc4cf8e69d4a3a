import { z } from 'zod';

/**
 * Machine-readable form of docs/curriculum-format.md. Every object is `.strict()`:
 * a misspelt field (`objective:` for `objectives:`) must fail loudly instead of
 * silently dropping content. Defaults are applied here so that the importer and
 * the content hash see the same values whether a writer spelt a default out or not.
 *
 * Rules that relate several fields or files (one correct option, slugs matching
 * file names, prerequisites, links) live in the validator, which can name the
 * exact field and say how to fix it.
 */

/** Lower-case kebab-case; a slug is a course's or lesson's identity across versions. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const AUDIENCES = ['FAMILY', 'PATIENT', 'STAFF'] as const;
export const SEQUENCES = ['IN_ORDER', 'FREE'] as const;
export const GRADING_METHODS = ['HIGHEST', 'AVERAGE', 'FIRST', 'LAST'] as const;
export const QUESTION_KINDS = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE'] as const;
export const REQUIRED_LESSONS_RULES = ['ALL_REQUIRED'] as const;

/** Defaults for fields a writer may leave out (documented in docs/curriculum-format.md). */
export const CONTENT_DEFAULTS = {
  locale: 'en-US',
  sequence: 'FREE',
  requiredLessons: 'ALL_REQUIRED',
  requirePassedQuizzes: true,
  lessonRequired: true,
  passingScore: 0.8,
  maxAttempts: 3,
  shuffle: true,
  gradingMethod: 'HIGHEST',
  cooldownMinutes: 0,
  showFeedback: true,
  optionCorrect: false,
} as const;

const slug = z.string().regex(SLUG_PATTERN);
/** Stable ids of questions, options and prompts: learner answers refer to them. */
const stableId = z.string().regex(SLUG_PATTERN);
const text = z.string().trim().min(1);
const positiveInt = z.number().int().positive();
const fraction = z.number().min(0).max(1);

// ---------------------------------------------------------------- course.yaml

export const CeApprovalSchema = z
  .object({
    approvingBody: text,
    providerNumber: text,
    statement: text,
  })
  .strict();

export const CompletionSchema = z
  .object({
    requiredLessons: z.enum(REQUIRED_LESSONS_RULES).default(CONTENT_DEFAULTS.requiredLessons),
    requirePassedQuizzes: z.boolean().default(CONTENT_DEFAULTS.requirePassedQuizzes),
    minimumScore: fraction.optional(),
  })
  .strict();

export const CourseManifestSchema = z
  .object({
    slug,
    title: text,
    summary: text,
    audiences: z
      .array(z.enum(AUDIENCES))
      .min(1)
      .refine((list) => new Set(list).size === list.length, 'lists the same audience twice; list each audience once'),
    locale: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/)
      .default(CONTENT_DEFAULTS.locale),
    estimatedMinutes: positiveInt,
    contactHours: z.number().positive().optional(),
    ceApproval: CeApprovalSchema.optional(),
    prerequisites: z.array(slug).default([]),
    sequence: z.enum(SEQUENCES).default(CONTENT_DEFAULTS.sequence),
    // prefault: an absent `completion` is parsed as `{}`, so its own defaults apply.
    completion: CompletionSchema.prefault({}),
    lessons: z.array(slug).min(1),
  })
  .strict();

// ---------------------------------------------------------------- lesson front matter

export const SourceSchema = z
  .object({
    title: text,
    url: z.url({ protocol: /^https?$/, hostname: z.regexes.domain }),
  })
  .strict();

export const ReflectionPromptSchema = z
  .object({
    id: stableId,
    prompt: text,
  })
  .strict();

export const QuizOptionSchema = z
  .object({
    id: stableId,
    text,
    correct: z.boolean().default(CONTENT_DEFAULTS.optionCorrect),
  })
  .strict();

/**
 * One shape for all kinds (not a discriminated union) so that a TRUE_FALSE question
 * carrying `options` gets "TRUE_FALSE uses `answer`, not options" from the validator
 * instead of zod's generic "unknown field". After validation the invariants hold:
 * choice questions have `options` and no `answer`; TRUE_FALSE has `answer` and no `options`.
 */
export const QuizQuestionSchema = z
  .object({
    id: stableId,
    kind: z.enum(QUESTION_KINDS),
    prompt: text,
    options: z.array(QuizOptionSchema).optional(),
    answer: z.boolean().optional(),
    rationale: text,
  })
  .strict();

export const QuizSchema = z
  .object({
    passingScore: fraction.default(CONTENT_DEFAULTS.passingScore),
    maxAttempts: z.number().int().min(1).max(10).default(CONTENT_DEFAULTS.maxAttempts),
    shuffle: z.boolean().default(CONTENT_DEFAULTS.shuffle),
    gradingMethod: z.enum(GRADING_METHODS).default(CONTENT_DEFAULTS.gradingMethod),
    cooldownMinutes: z.number().int().min(0).default(CONTENT_DEFAULTS.cooldownMinutes),
    drawCount: positiveInt.optional(),
    showFeedback: z.boolean().default(CONTENT_DEFAULTS.showFeedback),
    questions: z.array(QuizQuestionSchema).min(1),
  })
  .strict();

export const LessonFrontMatterSchema = z
  .object({
    slug,
    title: text,
    objectives: z.array(text).min(1),
    estimatedMinutes: positiveInt,
    required: z.boolean().default(CONTENT_DEFAULTS.lessonRequired),
    contentNote: text.optional(),
    // Absent is allowed by the schema; the content checks require at least one
    // source, so the importer can still run structural checks alone.
    sources: z.array(SourceSchema).default([]),
    reflectionPrompts: z.array(ReflectionPromptSchema).max(3).default([]),
    quiz: QuizSchema.optional(),
  })
  .strict();

export type Audience = (typeof AUDIENCES)[number];
export type Sequence = (typeof SEQUENCES)[number];
export type GradingMethod = (typeof GRADING_METHODS)[number];
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export type CeApproval = z.infer<typeof CeApprovalSchema>;
export type CourseCompletion = z.infer<typeof CompletionSchema>;
export type CourseManifest = z.infer<typeof CourseManifestSchema>;
export type LessonSource = z.infer<typeof SourceSchema>;
export type ReflectionPrompt = z.infer<typeof ReflectionPromptSchema>;
export type QuizOption = z.infer<typeof QuizOptionSchema>;
export type QuizQuestion = z.infer<typeof QuizQuestionSchema>;
export type Quiz = z.infer<typeof QuizSchema>;
export type LessonFrontMatter = z.infer<typeof LessonFrontMatterSchema>;

/** What a writer may type (defaults not yet applied). */
export type CourseManifestInput = z.input<typeof CourseManifestSchema>;
export type LessonFrontMatterInput = z.input<typeof LessonFrontMatterSchema>;
