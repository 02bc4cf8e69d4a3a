import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Role, Principal } from '../../src/auth/principal';
import { BadInput, Conflict, NotFound } from '../../src/common/errors';
import { APP_CONFIG, type AppConfig } from '../../src/config/config';
import { AuditAction } from '../audit';
import { AuditService } from '../audit';
import { Permission, REDISCLOSURE_NOTICE, roleMay } from '../identity';
import { isClientRole } from '../identity';
import { hashSecret } from '../identity';
import { verifyUrl } from './certificate/certificate-content';
import { VerificationStatus, type CompletionVerificationModel } from './models/credentials.models';
import { CompletionRecord } from './schemas/completion-record.schema';
import { CredentialShare, type StoredCredentialShare } from './schemas/credential-share.schema';
import { SIGNED_PROJECTION } from './signing/signed-record';
import { SigningKeyService } from './signing/signing-key.service';
import { newCode, normalizeCode } from './verification-code';

const MAX_SHARE_DAYS = 366;
const DAY_MS = 86_400_000;

/** The one answer for every code that must not be told apart: unknown, private and unshared, expired or revoked share. */
const UNKNOWN: Readonly<CompletionVerificationModel> = Object.freeze({ status: VerificationStatus.UNKNOWN });

/**
 * Public verification, and the shares that make a private (patient or family)
 * record verifiable. See docs/decisions.md "Credentials" for why an unshared
 * record and an unknown code cost the same work and get the same answer.
 */
@Injectable()
export class CompletionSharesService implements OnModuleInit {
  constructor(
    @InjectModel(CredentialShare.name) private readonly shares: Model<CredentialShare>,
    @InjectModel(CompletionRecord.name) private readonly records: Model<CompletionRecord>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly signing: SigningKeyService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.shares.init();
  }

  /**
   * Always two indexed point reads, in the same order, whatever the code is:
   * the share by the code's hash (matching only an active share), then the
   * record, either by the share or by the code (matching only a record
   * verifiable by code). A private record's own code, an expired or revoked
   * share and a made-up code all find nothing in both reads and return the
   * same frozen answer.
   */
  async verify(input: string): Promise<CompletionVerificationModel> {
    const now = new Date();
    const code = normalizeCode(input) ?? input.trim();
    const share = await this.shares
      .findOne({ tokenHash: hashSecret(code), revokedAt: { $exists: false }, expiresAt: { $gt: now } }, { recordId: 1, orgId: 1 })
      .lean();
    const record = await this.records
      .findOne(share ? { _id: share.recordId, orgId: share.orgId } : { verificationCode: code, verifiableByCode: true }, SIGNED_PROJECTION)
      .lean();
    if (!record) return UNKNOWN;
    if (!this.signing.verifyRecord(record)) return { status: VerificationStatus.TAMPERED };

    const client = isClientRole(record.learnerRole as Role);
    if (share) {
      // Each use of a share is a disclosure of the record: recorded before the answer leaves.
      await this.audit.record({
        actor: { orgId: record.orgId.toHexString() },
        action: AuditAction.COMPLETION_VERIFIED_WITH_SHARE,
        subjectType: 'COMPLETION_RECORD',
        subjectId: record._id.toHexString(),
        patientId: client ? record.learnerId.toHexString() : undefined,
        detail: { shareId: share._id.toHexString() },
      });
    }
    return {
      status: record.revokedAt ? VerificationStatus.REVOKED : VerificationStatus.VALID,
      nameAsIssued: record.nameAsIssued,
      courseTitle: record.courseTitle,
      completedAt: record.completedAt,
      contactHours: record.contactHours,
      credentialType: record.credentialType,
      redisclosureNotice: client ? REDISCLOSURE_NOTICE : undefined,
    };
  }

  /** The learner lets whoever holds the returned code verify one record until `expiresAt`. */
  async create(viewer: Principal, recordId: string, expiresAt: Date): Promise<{ share: StoredCredentialShare; shareCode: string; verifyUrl: string }> {
    const now = Date.now();
    if (expiresAt.getTime() <= now) throw new BadInput('expiresAt must be in the future.', { field: 'expiresAt' });
    if (expiresAt.getTime() > now + MAX_SHARE_DAYS * DAY_MS) throw new BadInput(`A share can last at most ${MAX_SHARE_DAYS} days; create a new one when it ends.`, { field: 'expiresAt' });
    const record = await this.records
      .findOne({ _id: new Types.ObjectId(recordId), orgId: new Types.ObjectId(viewer.orgId), learnerId: new Types.ObjectId(viewer.userId) }, { learnerRole: 1, revokedAt: 1 })
      .lean();
    if (!record) throw new NotFound('That completion record');
    if (record.revokedAt) throw new Conflict('This record was revoked, so it cannot be shared.');

    const shareCode = newCode();
    const share: CredentialShare = {
      _id: new Types.ObjectId(),
      orgId: new Types.ObjectId(viewer.orgId),
      recordId: record._id,
      learnerId: new Types.ObjectId(viewer.userId),
      learnerRole: record.learnerRole,
      tokenHash: hashSecret(shareCode),
      expiresAt,
      createdAt: new Date(now),
    };
    await this.shares.create(share);
    await this.audit.record({
      actor: viewer,
      action: AuditAction.COMPLETION_SHARE_CREATED,
      subjectType: 'COMPLETION_RECORD',
      subjectId: recordId,
      patientId: isClientRole(record.learnerRole as Role) ? viewer.userId : undefined,
      detail: { shareId: share._id.toHexString(), expiresAt: expiresAt.toISOString() },
    });
    return { share, shareCode, verifyUrl: verifyUrl(this.config.publicBaseUrl, shareCode) };
  }

  /** The learner, or an admin of their organization, ends a share now. Revoking twice is harmless. */
  async revoke(viewer: Principal, shareId: string): Promise<StoredCredentialShare> {
    if (!Types.ObjectId.isValid(shareId)) throw new NotFound('That share');
    const query: Record<string, unknown> = { _id: new Types.ObjectId(shareId), orgId: new Types.ObjectId(viewer.orgId) };
    if (!roleMay(viewer, Permission.LIST_ORGANIZATION_RECORDS)) query.learnerId = new Types.ObjectId(viewer.userId);
    const share = await this.shares.findOne(query, { tokenHash: 0 }).lean();
    if (!share) throw new NotFound('That share');
    if (share.revokedAt) return share;
    const revoked = await this.shares
      .findOneAndUpdate({ _id: share._id, revokedAt: { $exists: false } }, { $set: { revokedAt: new Date(), revokedBy: new Types.ObjectId(viewer.userId) } }, { returnDocument: 'after', projection: { tokenHash: 0 } })
      .lean();
    await this.audit.record({
      actor: viewer,
      action: AuditAction.COMPLETION_SHARE_REVOKED,
      subjectType: 'COMPLETION_RECORD',
      subjectId: share.recordId.toHexString(),
      patientId: isClientRole(share.learnerRole as Role) ? share.learnerId.toHexString() : undefined,
      detail: { shareId },
    });
    return revoked ?? (await this.shares.findById(share._id, { tokenHash: 0 }).lean())!;
  }

  /** The learner's shares of one record, newest first (at most 100). */
  async list(viewer: Principal, recordId: string): Promise<StoredCredentialShare[]> {
    if (!Types.ObjectId.isValid(recordId)) throw new NotFound('That completion record');
    return this.shares
      .find({ orgId: new Types.ObjectId(viewer.orgId), recordId: new Types.ObjectId(recordId), learnerId: new Types.ObjectId(viewer.userId) }, { tokenHash: 0 })
      .sort({ createdAt: -1 })
      .limit(100)
      .lean();
  }
}
