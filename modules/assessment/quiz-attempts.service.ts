import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Principal } from '../../src/auth/principal';
import { BadInput, Conflict, isDuplicateKeyError, NotFound } from '../../src/common/errors';
import { AuditAction, AuditService } from '../audit';
import { CoursesService } from '../curriculum';
import type { QuizView } from '../curriculum';
import { AccessService, isClientRole, Permission, UsersService, worksWithOthersRecords } from '../identity';
import { ProgressService } from '../progress';
import { AttemptAlreadySubmitted, AttemptLimitReached, CooldownActive } from './assessment.errors';
import { orderAttempt } from './grading/attempt-order';
import { answersFitAttempt, distinctAnswers, gradingPipeline } from './grading/grading-pipeline';
import type { Answer, KeyedQuestion } from './grading/grading.types';
import { newSeed } from './grading/prng';
import { checkAnswers, gradeAttempt, isGradingMethod } from './grading/score';
import { quizStanding, type Standing } from './grading/standing';
import { scoreBefore, standingAfter } from './models/quiz-attempt.model';
import { QuizAttemptGrant } from './schemas/quiz-attempt-grant.schema';
import { CareTeamAlertsService } from '../identity';
import { MessageKind } from '../messaging';
import { AttemptStatus, QuizAttempt, type AttemptSettings } from './schemas/quiz-attempt.schema';

export interface AttemptHistory {
  quizId: string;
  learnerId: string;
  standing: Standing;
  nextAttemptAvailableAt?: Date;
  attempts: QuizAttempt[];
  /** Set when the learner is out of attempts: whom to ask for another. */
  askForMoreAttempts?: string;
}

/** Concurrent starts lose the unique-index race at most a few times before they see the winner's attempt. */
const START_RETRIES = 5;

/**
 * Quiz attempts: open, save, submit (graded here, never on the client), history.
 * Each state change is one conditional write on one document; the unique
 * index on (org, learner, quiz, number) and the IN_PROGRESS filter on submit
 * replace transactions (docs/architecture.md, invariant 7).
 */
@Injectable()
export class QuizAttemptsService {
  constructor(
    @InjectModel(QuizAttempt.name) private readonly attempts: Model<QuizAttempt>,
    @InjectModel(QuizAttemptGrant.name) private readonly grants: Model<QuizAttemptGrant>,
    private readonly courses: CoursesService,
    private readonly access: AccessService,
    private readonly progress: ProgressService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly careTeam: CareTeamAlertsService,
  ) {}

  /**
   * Opens the learner's next attempt, or returns the one still in progress so
   * work continues on any device. Enforces the attempt limit and cooldown.
   */
  async start(learner: Principal, quizId: string, now = new Date()): Promise<QuizAttempt> {
    const quiz = await this.courses.quizForGrading(quizId);
    if (!quiz) throw new NotFound('That quiz');
    const course = await this.courses.currentCourse(quiz.courseSlug);
    if (!course || !this.courses.visibleTo(learner, course)) throw new NotFound('That quiz');
    if (!course.lessons.some((l) => l.quizId?.equals(quiz._id))) {
      throw new Conflict('This quiz belongs to an earlier version of the lesson. Open the lesson again to take its current quiz.');
    }
    // A lesson that is still locked (IN_ORDER courses) cannot be passed by its quiz either.
    await this.progress.assertLessonUnlocked(learner, quiz.lessonId.toHexString());
    const key = { orgId: new Types.ObjectId(learner.orgId), learnerId: new Types.ObjectId(learner.userId), quizId: quiz._id };
    const settings = settingsOf(quiz);
    let grantsRead = false;

    for (let tries = 0; tries < START_RETRIES; tries++) {
      const latest = await this.attempts.findOne(key).sort({ number: -1 }).lean<QuizAttempt>();
      if (latest?.status === AttemptStatus.IN_PROGRESS) return latest;
      const number = (latest?.number ?? 0) + 1;
      // The allowance is the quiz's maximum plus what the care team granted, read only once it can matter.
      if (number >= quiz.settings.maxAttempts && !grantsRead) {
        settings.maxAttempts = quiz.settings.maxAttempts + (await this.extraAttempts(key));
        grantsRead = true;
      }
      if (number > settings.maxAttempts) throw new AttemptLimitReached(settings.maxAttempts, await this.whomToAsk(learner));
      const availableAt = latest ? nextAttemptAt(latest) : undefined;
      if (availableAt && availableAt > now) throw new CooldownActive(availableAt, now);

      const seed = newSeed();
      const questions: KeyedQuestion[] = orderAttempt(quiz.questions, seed, { shuffle: settings.shuffle, drawCount: quiz.settings.drawCount });
      try {
        const created = await this.attempts.create({
          ...key,
          lessonId: quiz.lessonId,
          courseSlug: quiz.courseSlug,
          lessonSlug: quiz.lessonSlug,
          number,
          seed,
          settings: stored(settings),
          questions,
          priorScores: latest ? [...latest.priorScores, latest.score ?? 0] : [],
          savedAnswers: [],
          status: AttemptStatus.IN_PROGRESS,
          startedAt: now,
        });
        return created.toObject();
      } catch (error) {
        // Another request opened attempt `number` first: read again and resume it.
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    throw new Conflict('Several attempts at this quiz are being opened at once. Try again in a moment.');
  }

  /** Keeps work in progress; replaces what was saved before. Answers are checked against this attempt's questions. */
  async save(learner: Principal, attemptId: string, answers: readonly Answer[], now = new Date()): Promise<QuizAttempt> {
    const attempt = await this.ownAttempt(learner, attemptId);
    if (attempt.status !== AttemptStatus.IN_PROGRESS) throw new AttemptAlreadySubmitted(attempt.number, attempt.settings.maxAttempts, 'save');
    const savedAnswers = normalizedAnswers(attempt.questions, answers);
    const updated = await this.attempts
      .findOneAndUpdate({ _id: attempt._id, learnerId: attempt.learnerId, status: AttemptStatus.IN_PROGRESS }, { $set: { savedAnswers, savedAt: now } }, { returnDocument: 'after' })
      .lean<QuizAttempt>();
    if (!updated) throw new AttemptAlreadySubmitted(attempt.number, attempt.settings.maxAttempts, 'save');
    return updated;
  }

  /**
   * Grades and closes the attempt in one conditional write (the attempt holds its
   * questions and key, so grading runs in the update: grading/grading-pipeline.ts),
   * then reports progress: two commands unless the lesson completes. Whatever that
   * write does not take goes the long way (`submitChecked`): answers that do not fit
   * the attempt (to say why), an attempt already submitted (a repeat, or a concurrent
   * submit that won), and courses with prerequisites (to check them first).
   */
  async submit(learner: Principal, attemptId: string, answers: readonly Answer[], idempotencyKey: string, now = new Date()): Promise<QuizAttempt> {
    if (!Types.ObjectId.isValid(attemptId)) throw new NotFound('That quiz attempt');
    const chosen = distinctAnswers(answers);
    const gated = await this.progress.coursesWithPrerequisites();
    const graded = await this.attempts
      .findOneAndUpdate(
        {
          _id: new Types.ObjectId(attemptId),
          orgId: new Types.ObjectId(learner.orgId),
          learnerId: new Types.ObjectId(learner.userId),
          status: AttemptStatus.IN_PROGRESS,
          courseSlug: { $nin: [...gated] },
          $expr: answersFitAttempt(chosen),
        },
        gradingPipeline(chosen, idempotencyKey, now),
        { returnDocument: 'after', updatePipeline: true },
      )
      .lean<QuizAttempt>();
    if (!graded) return this.submitChecked(learner, attemptId, answers, idempotencyKey, now);
    await this.reportProgress(learner, graded);
    return graded;
  }

  /**
   * The long way: read, check, grade here, one conditional write. A repeat with the
   * same key returns the stored result (and reports progress again, which is
   * idempotent, so a retry after a failed report heals it); a different key is a CONFLICT.
   */
  private async submitChecked(learner: Principal, attemptId: string, answers: readonly Answer[], idempotencyKey: string, now: Date): Promise<QuizAttempt> {
    const attempt = await this.ownAttempt(learner, attemptId);
    if (attempt.status === AttemptStatus.SUBMITTED) return this.replay(learner, attempt, idempotencyKey);
    // Opened before its course gained a prerequisite: it waits, unsubmitted, until the course opens.
    await this.progress.assertCourseOpen(learner, attempt.lessonId.toHexString());

    const graded = gradeAttempt(attempt.questions, answers, attempt.settings.passingScore);
    const updated = await this.attempts
      .findOneAndUpdate(
        { _id: attempt._id, learnerId: attempt.learnerId, status: AttemptStatus.IN_PROGRESS },
        {
          $set: {
            status: AttemptStatus.SUBMITTED,
            idempotencyKey,
            score: graded.score,
            passed: graded.passed,
            results: graded.results,
            savedAnswers: graded.results.map((r) => ({ questionId: r.questionId, optionIds: r.chosenOptionIds })).filter((a) => a.optionIds.length > 0),
            submittedAt: now,
          },
        },
        { returnDocument: 'after' },
      )
      .lean<QuizAttempt>();
    if (!updated) {
      // A concurrent submit won; answer as its repeat would be answered.
      const current = await this.ownAttempt(learner, attemptId);
      return this.replay(learner, current, idempotencyKey);
    }
    await this.reportProgress(learner, updated);
    return updated;
  }

  /** A single attempt: its learner, or someone AccessService lets see the learner's attempts (audited). */
  async attempt(viewer: Principal, attemptId: string): Promise<QuizAttempt> {
    if (!Types.ObjectId.isValid(attemptId)) throw new NotFound('That quiz attempt');
    const attempt = await this.attempts.findOne({ _id: new Types.ObjectId(attemptId), orgId: new Types.ObjectId(viewer.orgId) }).lean<QuizAttempt>();
    if (!attempt) throw new NotFound('That quiz attempt');
    const learnerId = attempt.learnerId.toHexString();
    if (learnerId !== viewer.userId) await this.access.requireOne(viewer, Permission.READ_ATTEMPTS, learnerId, { action: AuditAction.QUIZ_ATTEMPT_READ });
    return attempt;
  }

  /** Every attempt of one learner at one quiz (at most the quiz maximum), with the grading-method standing. */
  async history(viewer: Principal, quizId: string, learnerId: string | undefined): Promise<AttemptHistory> {
    if (!learnerId && worksWithOthersRecords(viewer.role)) throw new BadInput('Name the learner (learnerId) whose attempts you want to see.', { field: 'learnerId' });
    const subjectId = learnerId ?? viewer.userId;
    if (subjectId !== viewer.userId) await this.access.requireOne(viewer, Permission.READ_ATTEMPTS, subjectId);
    if (!Types.ObjectId.isValid(quizId)) throw new NotFound('That quiz');
    const rows = await this.attempts
      .find({ orgId: new Types.ObjectId(viewer.orgId), learnerId: new Types.ObjectId(subjectId), quizId: new Types.ObjectId(quizId) })
      .sort({ number: 1 })
      .lean<QuizAttempt[]>();
    const key = { orgId: new Types.ObjectId(viewer.orgId), learnerId: new Types.ObjectId(subjectId), quizId: new Types.ObjectId(quizId) };
    const [quiz, extra] = await Promise.all([this.courses.quizForGrading(quizId), this.extraAttempts(key)]);
    let settings: AttemptSettings;
    if (rows.length > 0) {
      settings = rows[rows.length - 1].settings;
    } else {
      if (!quiz) throw new NotFound('That quiz');
      settings = stored(settingsOf(quiz));
    }
    // Grants made after the last attempt started count too.
    if (quiz) settings = { ...settings, maxAttempts: quiz.settings.maxAttempts + extra };
    const submitted = rows.filter((r) => r.status === AttemptStatus.SUBMITTED);
    const standing = quizStanding(settings, submitted.map((r) => r.score ?? 0), rows.length);
    const last = rows[rows.length - 1];
    const availableAt = last && standing.attemptsRemaining > 0 ? nextAttemptAt(last) : undefined;
    return {
      quizId,
      learnerId: subjectId,
      standing,
      nextAttemptAvailableAt: availableAt && availableAt > new Date() ? availableAt : undefined,
      attempts: rows,
      askForMoreAttempts: standing.outOfAttempts ? await this.whomToAsk({ userId: subjectId, orgId: viewer.orgId }) : undefined,
    };
  }

  /**
   * The learner's care team gives `extra` more attempts at a quiz (a learner who ran out
   * is otherwise stuck: later lessons stay locked). Clinicians for their clients, admins
   * for anyone; recorded in the audit trail with the reason. Answers with the learner's
   * standing as it now is.
   */
  async grant(viewer: Principal, input: { learnerId: string; quizId: string; extra: number; reason: string }): Promise<AttemptHistory> {
    const reason = input.reason.trim();
    if (!reason) throw new BadInput('Say why the learner gets more attempts.', { field: 'reason' });
    const quiz = Types.ObjectId.isValid(input.quizId) ? await this.courses.quizForGrading(input.quizId) : null;
    if (!quiz) throw new NotFound('That quiz');
    const detail = { quizId: quiz._id.toHexString(), extra: input.extra, reason };
    // The policy's GRANT_QUIZ_ATTEMPTS: clinicians on a client's care team, admins for any learner; it audits grants to clients.
    const { subject, decision } = await this.access.requireOne(viewer, Permission.GRANT_QUIZ_ATTEMPTS, input.learnerId, { detail });
    const key = { orgId: new Types.ObjectId(viewer.orgId), learnerId: subject._id, quizId: quiz._id };

    await this.grants.create({ ...key, extra: input.extra, reason, grantedBy: new Types.ObjectId(viewer.userId), grantedAt: new Date() });
    // An attempt open right now gets the new allowance too, so submitting it does not mark the lesson stuck again.
    await this.attempts.updateMany({ ...key, status: AttemptStatus.IN_PROGRESS }, { $inc: { 'settings.maxAttempts': input.extra } });
    await this.progress.attemptsGranted({ userId: input.learnerId, orgId: viewer.orgId, role: subject.role }, quiz.lessonId.toHexString());
    // Grants to staff are not client records, so the policy does not audit them; a grant is recorded all the same.
    if (!decision.audited) {
      await this.audit.record({ actor: viewer, action: AuditAction.QUIZ_ATTEMPTS_GRANTED, subjectType: 'ATTEMPTS', subjectId: input.learnerId, detail });
    }
    return this.history(viewer, input.quizId, input.learnerId);
  }

  /**
   * Every attempt of one learner, oldest first, for the record export (the caller has asked
   * the access policy). Without the questions and results: they carry the answer key.
   */
  ofLearner(orgId: string, learnerId: Types.ObjectId): Promise<Array<Pick<QuizAttempt, '_id' | 'quizId' | 'courseSlug' | 'lessonSlug' | 'number' | 'status' | 'score' | 'passed' | 'startedAt' | 'submittedAt'>>> {
    return this.attempts
      .find({ orgId: new Types.ObjectId(orgId), learnerId }, { quizId: 1, courseSlug: 1, lessonSlug: 1, number: 1, status: 1, score: 1, passed: 1, startedAt: 1, submittedAt: 1 })
      .sort({ startedAt: 1, _id: 1 })
      .lean();
  }

  private async extraAttempts(key: { orgId: Types.ObjectId; learnerId: Types.ObjectId; quizId: Types.ObjectId }): Promise<number> {
    const grants = await this.grants.find(key, { extra: 1 }).lean();
    return grants.reduce((sum, g) => sum + g.extra, 0);
  }

  /** Whom a learner out of attempts should ask: the clinicians on their care team by name, or an administrator. */
  private async whomToAsk(learner: Pick<Principal, 'userId' | 'orgId'>): Promise<string> {
    const [person] = await this.users.findManyInOrg(learner.orgId, [learner.userId]);
    if (person && !isClientRole(person.role)) return 'Ask a program administrator for another attempt.';
    const team = person?.careTeam?.length ? await this.users.findManyInOrg(learner.orgId, person.careTeam.map((id) => id.toHexString())) : [];
    const names = team.filter((c) => !c.deactivatedAt).map((c) => c.displayName);
    if (names.length === 0) return 'Ask your clinician or program for another attempt.';
    return `Ask your clinician, ${names.slice(0, 2).join(' or ')}, for another attempt.`;
  }


  private async ownAttempt(learner: Principal, attemptId: string): Promise<QuizAttempt> {
    // Filtering by learner makes someone else's attempt indistinguishable from a missing one.
    if (!Types.ObjectId.isValid(attemptId)) throw new NotFound('That quiz attempt');
    const attempt = await this.attempts
      .findOne({ _id: new Types.ObjectId(attemptId), orgId: new Types.ObjectId(learner.orgId), learnerId: new Types.ObjectId(learner.userId) })
      .lean<QuizAttempt>();
    if (!attempt) throw new NotFound('That quiz attempt');
    return attempt;
  }

  private async replay(learner: Principal, attempt: QuizAttempt, idempotencyKey: string): Promise<QuizAttempt> {
    if (attempt.status !== AttemptStatus.SUBMITTED || attempt.idempotencyKey !== idempotencyKey) {
      throw new AttemptAlreadySubmitted(attempt.number, attempt.settings.maxAttempts);
    }
    await this.reportProgress(learner, attempt, true);
    return attempt;
  }

  /** `retry`: a repeat of a submit, which may have failed part-way the first time (progress heals what it left undone). */
  private async reportProgress(learner: Principal, attempt: QuizAttempt, retry = false): Promise<void> {
    const standing = standingAfter(attempt);
    await this.progress.recordQuizResult({
      learner,
      lessonId: attempt.lessonId.toHexString(),
      passed: standing.passed,
      score: standing.score ?? 0,
      outOfAttempts: standing.outOfAttempts,
      scoreChanged: scoreBefore(attempt) !== standing.score,
      retry,
    });
    if (!standing.passed && standing.outOfAttempts) {
      // Keyed by the last attempt: a replayed submit alerts no one twice; attempts granted later and used up alert again.
      const course = await this.courses.currentCoursesBySlug([attempt.courseSlug]);
      await this.careTeam.alert(attempt.learnerId, MessageKind.OUT_OF_ATTEMPTS, `attempts-used:${attempt._id.toHexString()}`, '/staff/caseload', {
        course: course.get(attempt.courseSlug)?.title ?? attempt.courseSlug,
      });
    }
  }
}

interface QuizSettings extends AttemptSettings {
  shuffle: boolean;
}

function settingsOf(quiz: QuizView): QuizSettings {
  const s = quiz.settings;
  if (!isGradingMethod(s.gradingMethod)) throw new Error(`Quiz ${quiz._id.toHexString()} has an unknown grading method`);
  return {
    passingScore: s.passingScore,
    maxAttempts: s.maxAttempts,
    gradingMethod: s.gradingMethod,
    cooldownMinutes: s.cooldownMinutes ?? 0,
    showFeedback: s.showFeedback,
    shuffle: s.shuffle,
  };
}

function stored(s: AttemptSettings): AttemptSettings {
  return { passingScore: s.passingScore, maxAttempts: s.maxAttempts, gradingMethod: s.gradingMethod, cooldownMinutes: s.cooldownMinutes, showFeedback: s.showFeedback };
}

function nextAttemptAt(previous: Pick<QuizAttempt, 'submittedAt' | 'settings'>): Date | undefined {
  if (!previous.submittedAt || !previous.settings.cooldownMinutes) return undefined;
  return new Date(previous.submittedAt.getTime() + previous.settings.cooldownMinutes * 60_000);
}

/** Checked answers in the attempt's question order, dropping empty ones. */
function normalizedAnswers(questions: readonly KeyedQuestion[], answers: readonly Answer[]): Answer[] {
  const chosen = checkAnswers(questions, answers);
  return questions.filter((q) => (chosen.get(q.id)?.length ?? 0) > 0).map((q) => ({ questionId: q.id, optionIds: chosen.get(q.id)! }));
}

