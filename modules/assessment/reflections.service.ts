import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Principal } from '../../src/auth/principal';
import { BadInput, Conflict, isDuplicateKeyError, NotFound } from '../../src/common/errors';
import { cursorDate, cursorObjectId, decodeCursor, encodeCursor, pageOf } from '../../src/common/pagination';
import { CoursesService } from '../curriculum';
import { CRISIS_RESOURCES, type CrisisResource } from '../curriculum';
import { AccessService } from '../identity';
import { Permission, rolesVisibleTo } from '../identity';
import { worksWithOthersRecords } from '../identity';
import { CareTeamAlertsService } from '../identity';
import { MessageKind } from '../messaging';
import { MAX_REFLECTION_LENGTH } from './dto/assessment.inputs';
import type { RiskCategory } from './safety/risk-phrases';
import { screenMessage, screenText } from './safety/safety-screen';
import { MAX_REFLECTION_VERSIONS, Reflection } from './schemas/reflection.schema';

export interface ReflectionSafety {
  flagged: boolean;
  categories: RiskCategory[];
  message: string;
  crisisResources: CrisisResource[];
}

export interface ReflectionPage {
  nodes: Array<{ reflection: Reflection; learnerName?: string }>;
  hasNextPage: boolean;
  endCursor?: string;
}

/** Reviews kept per reflection; older ones drop off, the audit trail keeps who reviewed when. */
const MAX_REVIEWS = 50;

/**
 * Reflections: a learner's written answers to lesson prompts, screened for
 * risk, read by the learner and their care team only. Every read by someone
 * else goes through AccessService (which forbids family members whatever their
 * consent, and audits). Reflection text is never logged.
 */
@Injectable()
export class ReflectionsService {
  constructor(
    @InjectModel(Reflection.name) private readonly reflections: Model<Reflection>,
    private readonly courses: CoursesService,
    private readonly access: AccessService,
    private readonly careTeam: CareTeamAlertsService,
  ) {}

  async submit(learner: Principal, input: { lessonId: string; promptId: string; text: string }, now = new Date()): Promise<{ reflection: Reflection; safety: ReflectionSafety }> {
    const text = input.text.trim();
    if (!text) throw new BadInput('Write something before saving, or skip this prompt.', { field: 'text' });
    if (text.length > MAX_REFLECTION_LENGTH) throw new BadInput(`A reflection can be at most ${MAX_REFLECTION_LENGTH} characters.`, { field: 'text' });
    const found = await this.courses.lessonWithCourse(input.lessonId);
    if (!found || !this.courses.takes(learner, found.course)) throw new NotFound('That lesson');
    if (!found.lesson.reflectionPrompts.some((p) => p.id === input.promptId)) throw new NotFound('That reflection prompt');

    const screen = screenText(text);
    const filter = {
      orgId: new Types.ObjectId(learner.orgId),
      learnerId: new Types.ObjectId(learner.userId),
      courseSlug: found.lesson.courseSlug,
      lessonSlug: found.lesson.slug,
      promptId: input.promptId,
    };
    const update = {
      $set: { lessonId: found.lesson._id, learnerRole: learner.role, updatedAt: now, ...(screen.flagged && { flagged: true }) },
      $setOnInsert: { createdAt: now, reviews: [], ...(!screen.flagged && { flagged: false, flagReasons: [] }) },
      $push: { versions: { $each: [{ text, at: now, flagReasons: screen.categories }], $slice: -MAX_REFLECTION_VERSIONS } },
      // Keeps the earliest unreviewed time: the queue orders by how long someone has waited.
      $min: { reviewPendingSince: now },
      ...(screen.flagged && { $addToSet: { flagReasons: { $each: screen.categories } } }),
    };

    let reflection: Reflection | null = null;
    for (let attempt = 0; attempt < 2 && !reflection; attempt++) {
      try {
        reflection = await this.reflections
          .findOneAndUpdate(filter, update, { upsert: true, returnDocument: 'after', setDefaultsOnInsert: false })
          .lean<Reflection>();
      } catch (error) {
        // Two first saves raced to create the document; the second try updates it.
        if (!isDuplicateKeyError(error) || attempt > 0) throw error;
      }
    }
    if (screen.flagged) {
      // Keyed by this version: a retried save alerts no one twice; a later flagged version alerts again.
      await this.careTeam.alert(learner.userId, MessageKind.REFLECTION_FLAGGED, `reflection-flagged:${reflection!._id.toHexString()}:${now.getTime()}`, '/staff/review', {
        at: now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      });
    }
    return {
      reflection: reflection!,
      safety: {
        flagged: screen.flagged,
        categories: screen.categories,
        message: screenMessage(screen.categories),
        crisisResources: [...CRISIS_RESOURCES],
      },
    };
  }

  /** Flagged reflections no one has reviewed yet, one row each (the weekly digest counts them per caseload). */
  flaggedAwaitingReview(orgId: Types.ObjectId | string): Promise<Array<Pick<Reflection, '_id' | 'learnerId'>>> {
    return this.reflections.find({ orgId: new Types.ObjectId(orgId), flagged: true, reviewPendingSince: { $exists: true } }, { learnerId: 1 }).lean();
  }

  /** One reflection, for its writer or (audited) their care team. */
  async read(viewer: Principal, id: string): Promise<{ reflection: Reflection; learnerName?: string }> {
    const reflection = await this.inOrg(viewer, id);
    const learnerId = reflection.learnerId.toHexString();
    if (learnerId === viewer.userId) return { reflection };
    const granted = await this.access.requireOne(viewer, Permission.READ_REFLECTIONS, learnerId);
    return { reflection, learnerName: granted.subject.displayName };
  }

  /** A clinician's (or admin's) comment. Clears the pending flag: someone has now read what was flagged. */
  async review(viewer: Principal, id: string, comment: string, now = new Date()): Promise<{ reflection: Reflection; learnerName?: string }> {
    const text = comment.trim();
    if (!text) throw new BadInput('Write a comment for the learner.', { field: 'comment' });
    const current = await this.inOrg(viewer, id);
    const granted = await this.access.requireOne(viewer, Permission.REVIEW_REFLECTION, current.learnerId.toHexString());
    const reflection = await this.reflections
      .findOneAndUpdate(
        // Only if no version arrived since this request read it: a review never clears a flag its reviewer has not seen.
        { _id: current._id, orgId: current.orgId, updatedAt: current.updatedAt },
        {
          $push: { reviews: { $each: [{ reviewerId: new Types.ObjectId(viewer.userId), comment: text, at: now }], $slice: -MAX_REVIEWS } },
          $set: { flagged: false, flagReasons: [] },
          $unset: { reviewPendingSince: 1 },
        },
        { returnDocument: 'after' },
      )
      .lean<Reflection>();
    if (!reflection) throw new Conflict('The learner saved a new version just now. Read it, then review again.');
    return { reflection, learnerName: granted.subject.displayName };
  }

  /** A learner's reflections, newest first: their own, or (audited) a care-team read. */
  async list(
    viewer: Principal,
    options: { learnerId?: string; courseSlug?: string; lessonSlug?: string; first: number; after?: string },
  ): Promise<ReflectionPage> {
    if (!options.learnerId && worksWithOthersRecords(viewer.role)) throw new BadInput('Name the learner (learnerId) whose reflections you want to see.', { field: 'learnerId' });
    const subjectId = options.learnerId ?? viewer.userId;
    const learnerName = subjectId === viewer.userId ? undefined : (await this.access.requireOne(viewer, Permission.READ_REFLECTIONS, subjectId)).subject.displayName;

    const filter: Record<string, unknown> = { orgId: new Types.ObjectId(viewer.orgId), learnerId: new Types.ObjectId(subjectId) };
    if (options.courseSlug) filter.courseSlug = options.courseSlug;
    if (options.lessonSlug) filter.lessonSlug = options.lessonSlug;
    const page = await pageOf<Reflection>(this.reflections as never, filter, { field: 'updatedAt', first: options.first, after: options.after });
    return {
      nodes: page.nodes.map((reflection) => ({ reflection, learnerName })),
      hasNextPage: page.hasNextPage,
      endCursor: page.endCursor,
    };
  }

  /** Every reflection of one learner, oldest first, for the record export (the caller has asked the access policy). */
  ofLearner(orgId: string, learnerId: Types.ObjectId): Promise<Reflection[]> {
    return this.reflections.find({ orgId: new Types.ObjectId(orgId), learnerId }).sort({ createdAt: 1, _id: 1 }).lean();
  }

  /**
   * What awaits review: flagged first, then longest waiting. Shows text, so
   * every listed learner's read is audited (one batch through AccessService).
   * Only learners whose reflections the viewer may read are listed; which
   * roles those are comes from the one access policy, not a second copy of it.
   */
  async reviewQueue(viewer: Principal, first: number, after: string | undefined): Promise<ReflectionPage> {
    const roles = rolesVisibleTo(viewer, Permission.READ_REFLECTIONS);
    const filter: Record<string, unknown> = { orgId: new Types.ObjectId(viewer.orgId), reviewPendingSince: { $exists: true }, learnerRole: { $in: roles } };
    if (after) {
      const [flag, since, rawId] = decodeCursor(after, 3);
      const flagged = flag === '1';
      const sinceDate = cursorDate(since);
      const id = cursorObjectId(rawId);
      filter.$or = [
        ...(flagged ? [{ flagged: false }] : []),
        { flagged, reviewPendingSince: { $gt: sinceDate } },
        { flagged, reviewPendingSince: sinceDate, _id: { $gt: id } },
      ];
    }
    const rows = await this.reflections.find(filter).sort({ flagged: -1, reviewPendingSince: 1, _id: 1 }).limit(first + 1).lean<Reflection[]>();
    const page = rows.slice(0, first);
    // Clients off a clinician's care team drop out of the page (its cursor still moves past them).
    const granted = await this.access.require(viewer, Permission.READ_REFLECTIONS, [...new Set(page.map((r) => r.learnerId.toHexString()))], { onlyAllowed: true });
    const names = new Map(granted.map((g) => [g.subject._id.toHexString(), g.subject.displayName]));
    const last = page[page.length - 1];
    return {
      nodes: page.filter((r) => names.has(r.learnerId.toHexString())).map((reflection) => ({ reflection, learnerName: names.get(reflection.learnerId.toHexString()) })),
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor(last.flagged ? '1' : '0', last.reviewPendingSince!.toISOString(), last._id.toHexString()) : undefined,
    };
  }

  private async inOrg(viewer: Principal, id: string): Promise<Reflection> {
    // The organization filter makes another program's reflection indistinguishable from a missing one.
    if (!Types.ObjectId.isValid(id)) throw new NotFound('That reflection');
    const reflection = await this.reflections.findOne({ _id: new Types.ObjectId(id), orgId: new Types.ObjectId(viewer.orgId) }).lean<Reflection>();
    if (!reflection) throw new NotFound('That reflection');
    return reflection;
  }
}

