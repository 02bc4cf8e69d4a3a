import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Logger } from 'pino';
import type { Role, Principal } from '../../src/auth/principal';
import { BadInput, isDuplicateKeyError, NotFound } from '../../src/common/errors';
import { pageOf } from '../../src/common/pagination';
import { APP_CONFIG, type AppConfig } from '../../src/config/config';
import { LOGGER } from '../../src/logging/logger';
import { AuditAction } from '../audit';
import { AuditService } from '../audit';
import { CoursesService, type CourseView } from '../curriculum';
import { AccessService } from '../identity';
import { Permission, roleMay } from '../identity';
import { isClientRole } from '../identity';
import { UsersService } from '../identity';
import { termsFor } from './certificate/credential-terms';
import { csvChunk } from './completion-csv';
import type { CompletionValidity } from './completion-issuer';
import type { CompletionRecordFilter } from './dto/credentials.inputs';
import { CompletionRecord, LEGACY_COMPLETION_INDEX, type StoredCompletionRecord } from './schemas/completion-record.schema';
import { SigningKeyService } from './signing/signing-key.service';
import { newCode, normalizeCode } from './verification-code';

export interface IssueCompletionInput {
  orgId: string;
  learnerId: string;
  courseSlug: string;
  courseVersion: number;
  completedAt: Date;
  /** The course's average graded quiz score, 0..1. */
  score?: number;
  /** The completion cycle (the assignment's; 1 unless a training requirement renewed it). */
  cycle?: number;
  /** The caller may be repeating an issuance that succeeded: look for the record first (one read) instead of building one to see it refused. */
  mayExist?: boolean;
}

export interface IssueCompletionResult {
  id: string;
  verificationCode: string;
  /** false when the record already existed (a retry or a concurrent trigger). */
  created: boolean;
}

export interface RecordPage {
  nodes: StoredCompletionRecord[];
  hasNextPage: boolean;
  endCursor?: string;
  redisclosureNotice?: string;
  /** Scores are for the learner and the care team; a consenting family member sees records without them. */
  showScore: boolean;
}

/** Everything but the signature: what lists, certificates and badges read. */
const RECORD_PROJECTION = { signature: 0, revokedBy: 0 } as const;
const CSV_BATCH = 500;

/**
 * Issues completion records (docs/architecture.md invariant 2) and answers who may read
 * them. The progress module calls `issue` when a course's completion rule is
 * met; nothing here decides completion.
 */
@Injectable()
export class CompletionRecordsService implements OnModuleInit {
  constructor(
    @InjectModel(CompletionRecord.name) private readonly records: Model<CompletionRecord>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly courses: CoursesService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly signing: SigningKeyService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  private validity?: CompletionValidity;

  /** The unique index is what makes issuance exactly-once: it must exist before the first insert. */
  async onModuleInit(): Promise<void> {
    await this.records.init();
    // Databases from before completion cycles hold the old one-per-version index, which would refuse a renewal.
    const legacy = (await this.records.collection.indexes()).some((index) => index.name === LEGACY_COMPLETION_INDEX);
    if (legacy) await this.records.collection.dropIndex(LEGACY_COMPLETION_INDEX);
    // Records from before cycles were cycle 1: saying so lets the unique index refuse a second one (`cycle` is not signed).
    // One by one, so a legacy record that duplicates a cycle-1 record (issued again after the
    // upgrade) is left as it is and named in the log instead of stopping the service's start.
    const legacyRecords = await this.records.collection.find({ cycle: { $exists: false } }, { projection: { _id: 1 } }).toArray();
    for (const { _id } of legacyRecords) {
      try {
        await this.records.collection.updateOne({ _id }, { $set: { cycle: 1 } });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        this.logger.warn({ recordId: _id.toHexString() }, 'a completion record from before renewal cycles duplicates a cycle-1 record; left without a cycle');
      }
    }
  }

  /** The training module tells issuance how long a completion counts (called once, at start-up). */
  useValidity(validity: CompletionValidity): void {
    this.validity = validity;
  }

  /**
   * Idempotent: one record per learner, course, version and completion cycle, however
   * many times and however concurrently this is called. The unique index decides
   * races and repeats: the record is inserted without looking first, and the loser reads
   * the winner's record. Two commands when it is new: the learner with their organization
   * (one query) and the insert; the course version is immutable and remembered.
   */
  async issue(input: IssueCompletionInput): Promise<IssueCompletionResult> {
    if (!Types.ObjectId.isValid(input.orgId) || !Types.ObjectId.isValid(input.learnerId)) throw new BadInput('orgId and learnerId must be ids.');
    if (!Number.isInteger(input.courseVersion) || input.courseVersion < 1) throw new BadInput('courseVersion must be a positive whole number.');
    if (input.score !== undefined && !(Number.isFinite(input.score) && input.score >= 0 && input.score <= 1)) throw new BadInput('score must be between 0 and 1.');
    if (!(input.completedAt instanceof Date) || Number.isNaN(input.completedAt.getTime())) throw new BadInput('completedAt must be a date.');
    const key = {
      orgId: new Types.ObjectId(input.orgId),
      learnerId: new Types.ObjectId(input.learnerId),
      courseSlug: input.courseSlug,
      courseVersion: input.courseVersion,
      cycle: input.cycle ?? 1,
    };
    if (input.mayExist) {
      const existing = await this.existing(key);
      if (existing) return existing;
    }
    const [found, course] = await Promise.all([this.users.findWithOrganization(key.learnerId), this.courseVersion(input.courseSlug, input.courseVersion)]);
    if (!found || !found.user.orgId.equals(key.orgId)) throw new NotFound('That learner');
    if (!course) throw new NotFound('That course version');
    const { user: learner, organization: org } = found;
    const validUntil = await this.validity?.validUntil({ orgId: input.orgId, learnerId: input.learnerId, courseSlug: input.courseSlug, completedAt: input.completedAt, learner });
    const terms = termsFor(course, learner.role);

    // A clash of two random 140-bit codes will not happen; if it ever did, a new code is drawn.
    for (let attempt = 0; ; attempt++) {
      const record: CompletionRecord = {
        _id: new Types.ObjectId(),
        ...key,
        learnerRole: learner.role,
        nameAsIssued: learner.displayName,
        issuerName: org.name,
        timeZone: org.timeZone,
        courseTitle: course.title,
        completedAt: input.completedAt,
        validUntil,
        issuedAt: new Date(),
        score: input.score,
        contactHours: terms.contactHours,
        ceApproval: terms.ceApproval,
        credentialType: terms.credentialType,
        verificationCode: newCode(),
        verifiableByCode: terms.verifiableByCode,
        signature: '',
        kid: '',
      };
      Object.assign(record, this.signing.signRecord(record));
      try {
        await this.records.create(record);
        return { id: record._id.toHexString(), verificationCode: record.verificationCode, created: true };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        if (error.keyPattern?.verificationCode && attempt < 2) continue;
        const winner = await this.existing(key);
        if (winner) return winner;
        throw error;
      }
    }
  }

  /** Course versions never change once imported (only their retirement date), so they are remembered. */
  private readonly versions = new Map<string, CourseView>();

  private async courseVersion(slug: string, version: number): Promise<CourseView | null> {
    const id = `${slug}@${version}`;
    const known = this.versions.get(id);
    if (known) return known;
    const course = await this.courses.courseVersion(slug, version);
    if (this.versions.size > 1000) this.versions.clear();
    if (course) this.versions.set(id, course);
    return course;
  }

  private async existing(key: { orgId: Types.ObjectId; learnerId: Types.ObjectId; courseSlug: string; courseVersion: number; cycle: number }): Promise<IssueCompletionResult | undefined> {
    // Records from before cycles have none: they are cycle 1.
    const found = await this.records.findOne({ ...key, cycle: key.cycle === 1 ? { $in: [1, null] } : key.cycle }, { verificationCode: 1 }).lean();
    return found ? { id: found._id.toHexString(), verificationCode: found.verificationCode, created: false } : undefined;
  }

  /**
   * When these learners completed these courses (every cycle, unrevoked), for training
   * compliance and the training gate: one query, dates only, nothing from the record itself.
   */
  completionsOf(orgId: string, learnerIds: readonly Types.ObjectId[], courseSlugs: readonly string[]): Promise<Array<Pick<CompletionRecord, 'learnerId' | 'courseSlug' | 'completedAt' | 'validUntil'>>> {
    if (learnerIds.length === 0 || courseSlugs.length === 0) return Promise.resolve([]);
    return this.records
      .find(
        { orgId: new Types.ObjectId(orgId), learnerId: { $in: [...learnerIds] }, courseSlug: { $in: [...courseSlugs] }, revokedAt: { $exists: false } },
        { _id: 0, learnerId: 1, courseSlug: 1, completedAt: 1, validUntil: 1 },
      )
      .lean();
  }

  /** Every record of one learner, revoked ones included, for the record export (the caller has asked the access policy). */
  ofLearnerAll(orgId: string, learnerId: Types.ObjectId): Promise<StoredCompletionRecord[]> {
    return this.records.find({ orgId: new Types.ObjectId(orgId), learnerId }, RECORD_PROJECTION).sort({ issuedAt: 1, _id: 1 }).lean<StoredCompletionRecord[]>();
  }

  /** The signed-in learner's own records, newest first. */
  mine(viewer: Principal, first: number, after?: string): Promise<RecordPage> {
    return this.page({ orgId: new Types.ObjectId(viewer.orgId), learnerId: new Types.ObjectId(viewer.userId) }, first, after, true);
  }

  /** One learner's records for the care team, or for a family member under consent (audited by AccessService). */
  async ofLearner(viewer: Principal, learnerId: string, first: number, after: string | undefined): Promise<RecordPage> {
    const granted = await this.access.requireOne(viewer, Permission.READ_COMPLETIONS, learnerId);
    const page = await this.page({ orgId: new Types.ObjectId(viewer.orgId), learnerId: granted.subject._id }, first, after, this.access.also(viewer, granted, Permission.READ_SCORES));
    return { ...page, redisclosureNotice: granted.redisclosureNotice };
  }

  /** Admins: the organization's records. Reading clients' records is audited per learner on the page. */
  async list(viewer: Principal, filter: CompletionRecordFilter, first: number, after: string | undefined): Promise<RecordPage> {
    const query: Record<string, unknown> = { orgId: new Types.ObjectId(viewer.orgId) };
    if (filter.courseSlug) query.courseSlug = filter.courseSlug;
    if (filter.learnerId) query.learnerId = new Types.ObjectId(filter.learnerId);
    if (filter.from || filter.to) query.issuedAt = { ...(filter.from && { $gte: filter.from }), ...(filter.to && { $lt: filter.to }) };
    if (!filter.includeRevoked) query.revokedAt = { $exists: false };
    this.access.requireAct(viewer, Permission.LIST_ORGANIZATION_RECORDS);
    const page = await this.page(query, first, after, true);
    await this.auditReads(viewer, page.nodes, AuditAction.COMPLETION_RECORDS_READ);
    return page;
  }

  /** The CSV export, a batch at a time: each batch is audited before it is handed out. */
  async *csv(viewer: Principal, filter: CompletionRecordFilter): AsyncGenerator<string> {
    let after: string | undefined;
    let first = true;
    do {
      const page = await this.list(viewer, filter, CSV_BATCH, after);
      if (first || page.nodes.length) yield csvChunk(page.nodes, first);
      first = false;
      after = page.hasNextPage ? page.endCursor : undefined;
    } while (after);
  }

  async revoke(viewer: Principal, id: string, reason: string): Promise<StoredCompletionRecord> {
    const found = await this.records.findOne({ _id: new Types.ObjectId(id), orgId: new Types.ObjectId(viewer.orgId) }, RECORD_PROJECTION).lean();
    if (!found) throw new NotFound('That completion record');
    await this.access.requireOne(viewer, Permission.REVOKE_COMPLETION_RECORD, found.learnerId.toHexString());
    if (found.revokedAt) return found;
    const revoked = await this.records
      .findOneAndUpdate(
        { _id: found._id, revokedAt: { $exists: false } },
        { $set: { revokedAt: new Date(), revokedReason: reason.trim(), revokedBy: new Types.ObjectId(viewer.userId) } },
        { returnDocument: 'after', projection: RECORD_PROJECTION },
      )
      .lean();
    if (!revoked) return (await this.records.findById(found._id, RECORD_PROJECTION).lean())!;
    this.access.trainingChanged(viewer.orgId);
    const learnerId = found.learnerId.toHexString();
    await this.audit.record({
      actor: viewer,
      action: AuditAction.COMPLETION_RECORD_REVOKED,
      subjectType: 'COMPLETION_RECORD',
      subjectId: id,
      patientId: isClientRole(found.learnerRole as Role) ? learnerId : undefined,
      detail: { learnerId, courseSlug: found.courseSlug, courseVersion: found.courseVersion, reason: reason.trim() },
    });
    return revoked;
  }

  /**
   * A record the viewer may hold in full (certificate, badge): their own, or
   * any in their organization for an admin (audited for clients). Anyone else
   * gets NOT_FOUND, so a code or id confirms nothing.
   */
  async heldBy(viewer: Principal, selector: { id: string } | { code: string }, action: AuditAction): Promise<StoredCompletionRecord> {
    const query: Record<string, unknown> = { orgId: new Types.ObjectId(viewer.orgId) };
    if ('id' in selector) {
      if (!Types.ObjectId.isValid(selector.id)) throw new NotFound('That completion record');
      query._id = new Types.ObjectId(selector.id);
    } else {
      const code = normalizeCode(selector.code);
      if (!code) throw new NotFound('That completion record');
      query.verificationCode = code;
    }
    // Only someone who may look across the organization's records looks past their own.
    if (!roleMay(viewer, Permission.LIST_ORGANIZATION_RECORDS)) query.learnerId = new Types.ObjectId(viewer.userId);
    const record = await this.records.findOne(query, RECORD_PROJECTION).lean();
    if (!record) throw new NotFound('That completion record');
    if (!record.learnerId.equals(viewer.userId)) await this.access.requireOne(viewer, Permission.HOLD_CREDENTIALS, record.learnerId.toHexString(), { action });
    return record;
  }

  /** The learner themself or an admin: the two who may see codes and certificates. */
  showsCodeTo(viewer: Principal, record: Pick<CompletionRecord, 'learnerId'>): boolean {
    return record.learnerId.equals(viewer.userId) || roleMay(viewer, Permission.LIST_ORGANIZATION_RECORDS);
  }

  get baseUrl(): string {
    return this.config.publicBaseUrl;
  }

  private async page(query: Record<string, unknown>, first: number, after: string | undefined, showScore: boolean): Promise<RecordPage> {
    const page = await pageOf<StoredCompletionRecord>(this.records as never, query, { field: 'issuedAt', first, after }, RECORD_PROJECTION);
    return { ...page, showScore };
  }

  private async auditReads(viewer: Principal, records: readonly StoredCompletionRecord[], action: AuditAction): Promise<void> {
    const others = [...new Set(records.map((r) => r.learnerId.toHexString()))].filter((id) => id !== viewer.userId);
    if (others.length) await this.access.require(viewer, Permission.READ_COMPLETIONS, others, { action });
  }
}
