import { isBackgroundCommand } from './learning-operations';
import { randomUUID } from 'node:crypto';
import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { Types } from 'mongoose';
import { CoursesService } from '../../modules/curriculum/courses.service';
import { Course, Quiz } from '../../modules/curriculum/schemas/curriculum.schemas';
import { QuizAttempt } from '../../modules/assessment/schemas/quiz-attempt.schema';
import { Reflection } from '../../modules/assessment/schemas/reflection.schema';
import type { TestApp } from './app';

/** Every field of the QuizAttempt type, so tests see whatever a client could ask for. */
export const ATTEMPT_FIELDS = `id quizId lessonId learnerId courseSlug lessonSlug number status startedAt submittedAt savedAt
  passingScore maxAttempts showFeedback
  questions { id kind prompt options { id text } }
  savedAnswers { questionId optionIds }
  score passed
  feedback { questionId correct credit chosenOptionIds correctOptionIds rationale }
  standing { gradingMethod score passed attemptsUsed attemptsAllowed attemptsRemaining outOfAttempts }`;

export const REFLECTION_FIELDS = `id learnerId learnerName lessonId courseSlug lessonSlug promptId text
  versions { text at flagReasons } flagged flagReasons awaitingReview reviewPendingSince
  reviews { reviewerId comment at } createdAt updatedAt`;

export interface Answer {
  questionId: string;
  optionIds: string[];
}

/** One helper per assessment operation, so tests read as what a person does. */
export const assessmentOps = {
  startQuizAttempt: (t: TestApp, token: string, quizId: string) =>
    t.gql(`mutation($q: ID!) { startQuizAttempt(quizId: $q) { ${ATTEMPT_FIELDS} } }`, { q: quizId }, token),
  saveQuizAnswers: (t: TestApp, token: string, attemptId: string, answers: Answer[]) =>
    t.gql(`mutation($a: ID!, $ans: [QuizAnswerInput!]!) { saveQuizAnswers(attemptId: $a, answers: $ans) { ${ATTEMPT_FIELDS} } }`, { a: attemptId, ans: answers }, token),
  submitQuizAttempt: (t: TestApp, token: string, attemptId: string, answers: Answer[], idempotencyKey: string = randomUUID()) =>
    t.gql(
      `mutation($a: ID!, $ans: [QuizAnswerInput!]!, $k: String!) { submitQuizAttempt(attemptId: $a, answers: $ans, idempotencyKey: $k) { ${ATTEMPT_FIELDS} } }`,
      { a: attemptId, ans: answers, k: idempotencyKey },
      token,
    ),
  quizAttempt: (t: TestApp, token: string, id: string) => t.gql(`query($id: ID!) { quizAttempt(id: $id) { ${ATTEMPT_FIELDS} } }`, { id }, token),
  quizAttempts: (t: TestApp, token: string, quizId: string, learnerId?: string) =>
    t.gql(
      `query($q: ID!, $l: ID) { quizAttempts(quizId: $q, learnerId: $l) { quizId learnerId nextAttemptAvailableAt
        standing { gradingMethod score passed attemptsUsed attemptsAllowed attemptsRemaining outOfAttempts } attempts { ${ATTEMPT_FIELDS} } } }`,
      { q: quizId, l: learnerId },
      token,
    ),
  quizItemAnalysis: (t: TestApp, token: string, quizId: string) =>
    t.gql(
      `query($q: ID!) { quizItemAnalysis(quizId: $q) { quizId submittedAttempts items { questionId kind prompt answered shareCorrect meanCredit discrimination } } }`,
      { q: quizId },
      token,
    ),
  submitReflection: (t: TestApp, token: string, input: { lessonId: string; promptId: string; text: string }) =>
    t.gql(
      `mutation($i: SubmitReflectionInput!) { submitReflection(input: $i) { reflection { ${REFLECTION_FIELDS} } safety { flagged categories message crisisResources { name contact when details } } } }`,
      { i: input },
      token,
    ),
  reviewReflection: (t: TestApp, token: string, id: string, comment: string) =>
    t.gql(`mutation($id: ID!, $c: String!) { reviewReflection(id: $id, comment: $c) { ${REFLECTION_FIELDS} } }`, { id, c: comment }, token),
  reflection: (t: TestApp, token: string, id: string) => t.gql(`query($id: ID!) { reflection(id: $id) { ${REFLECTION_FIELDS} } }`, { id }, token),
  reflections: (t: TestApp, token: string, args: { learnerId?: string; courseSlug?: string; lessonSlug?: string; first?: number; after?: string } = {}) =>
    t.gql(
      `query($l: ID, $c: String, $s: String, $f: Int, $a: String) { reflections(learnerId: $l, courseSlug: $c, lessonSlug: $s, first: $f, after: $a) {
        nodes { ${REFLECTION_FIELDS} } pageInfo { hasNextPage endCursor } } }`,
      { l: args.learnerId, c: args.courseSlug, s: args.lessonSlug, f: args.first, a: args.after },
      token,
    ),
  reflectionReviewQueue: (t: TestApp, token: string, first = 20, after?: string) =>
    t.gql(
      `query($f: Int, $a: String) { reflectionReviewQueue(first: $f, after: $a) { nodes { ${REFLECTION_FIELDS} } pageInfo { hasNextPage endCursor } } }`,
      { f: first, a: after },
      token,
    ),
};

/** The quiz with its key, read on the server side of the test (never through the API). */
export async function answerKey(t: TestApp, quizId: string): Promise<Map<string, { kind: string; correct: string[]; wrong: string[]; rationale: string }>> {
  const quiz = await t.app.get(CoursesService).quizForGrading(quizId);
  if (!quiz) throw new Error(`no quiz ${quizId}`);
  return new Map(
    quiz.questions.map((q) => [q.id, { kind: q.kind, correct: q.options.filter((o) => o.correct).map((o) => o.id), wrong: q.options.filter((o) => !o.correct).map((o) => o.id), rationale: q.rationale }]),
  );
}

/** Right answers to the attempt's questions; `rightCount` limits how many (the rest wrong, or skipped with `skipRest`). */
export function answersFor(
  questions: Array<{ id: string }>,
  key: Awaited<ReturnType<typeof answerKey>>,
  rightCount = questions.length,
  options: { skipRest?: boolean } = {},
): Answer[] {
  return questions.flatMap((q, i) => {
    const k = key.get(q.id)!;
    if (i < rightCount) return [{ questionId: q.id, optionIds: k.correct }];
    if (options.skipRest) return [];
    return [{ questionId: q.id, optionIds: [k.wrong[0]] }];
  });
}

/** Changes a stored quiz's settings (the bundled quizzes all use the defaults); `undefined` removes one. */
export async function setQuizSettings(t: TestApp, quizId: string, settings: Partial<Quiz['settings']>): Promise<void> {
  const quizzes = t.app.get<Model<Quiz>>(getModelToken(Quiz.name));
  const entries = Object.entries(settings);
  const set = Object.fromEntries(entries.filter(([, v]) => v !== undefined).map(([k, v]) => [`settings.${k}`, v]));
  const unset = Object.fromEntries(entries.filter(([, v]) => v === undefined).map(([k]) => [`settings.${k}`, 1]));
  await quizzes.updateOne({ _id: new Types.ObjectId(quizId) }, { ...(Object.keys(set).length && { $set: set }), ...(Object.keys(unset).length && { $unset: unset }) });
}

export interface BundledLesson {
  courseSlug: string;
  audiences: string[];
  lessonSlug: string;
  lessonId: string;
  quizId: string;
}

/** Every lesson of every current bundled course, with its quiz. */
export async function bundledLessons(t: TestApp): Promise<BundledLesson[]> {
  const courses = await t.app.get<Model<Course>>(getModelToken(Course.name)).find({}).sort({ slug: 1, version: -1 }).lean();
  const seen = new Set<string>();
  const out: BundledLesson[] = [];
  for (const c of courses) {
    if (seen.has(c.slug)) continue;
    seen.add(c.slug);
    for (const l of c.lessons) {
      out.push({ courseSlug: c.slug, audiences: c.audiences, lessonSlug: l.slug, lessonId: l.lessonId.toHexString(), quizId: l.quizId!.toHexString() });
    }
  }
  return out;
}

export function lessonOf(lessons: BundledLesson[], courseSlug: string, lessonSlug: string): BundledLesson {
  const found = lessons.find((l) => l.courseSlug === courseSlug && l.lessonSlug === lessonSlug);
  if (!found) throw new Error(`no lesson ${courseSlug}/${lessonSlug}`);
  return found;
}

export const attemptsModel = (t: TestApp) => t.app.get<Model<QuizAttempt>>(getModelToken(QuizAttempt.name));
export const reflectionsModel = (t: TestApp) => t.app.get<Model<Reflection>>(getModelToken(Reflection.name));

/** Every key and every string value anywhere in a response, for leak scans. */
export function walk(value: unknown, visit: (key: string | undefined, value: unknown, path: string) => void, path = '$', key?: string): void {
  visit(key, value, path);
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, visit, `${path}[${i}]`, undefined));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, visit, `${path}.${k}`, k);
}

/** The database commands sent while `work` runs, as "command collection" (handshakes and monitoring excluded). */
export async function commandsDuring(t: TestApp, work: () => Promise<unknown>): Promise<string[]> {
  const client = t.app.get<Connection>(getConnectionToken()).getClient();
  const seen: string[] = [];
  const listener = (event: { commandName: string; command: Record<string, unknown> }) => {
    if (['hello', 'isMaster', 'ismaster', 'ping', 'endSessions'].includes(event.commandName)) return;
    if (isBackgroundCommand(event)) return;
    seen.push(`${event.commandName} ${String(event.command[event.commandName])}`);
  };
  client.on('commandStarted', listener);
  try {
    await work();
  } finally {
    client.off('commandStarted', listener);
  }
  return seen;
}
