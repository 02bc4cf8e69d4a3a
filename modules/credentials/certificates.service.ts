import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import type { Principal } from '../../src/auth/principal';
import { Conflict, NotFound } from '../../src/common/errors';
import { AuditAction } from '../audit';
import { CoursesService } from '../curriculum';
import { UsersService } from '../identity';
import { issuerProfile, openBadgeCredential } from './badge/open-badge';
import { certificateContent } from './certificate/certificate-content';
import { renderCertificatePdf } from './certificate/certificate-pdf';
import { CompletionRecordsService } from './completion-records.service';
import { SigningKeyService } from './signing/signing-key.service';

/** What a record holder takes away: the certificate PDF and the Open Badges 3.0 credential. */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly records: CompletionRecordsService,
    private readonly courses: CoursesService,
    private readonly users: UsersService,
    private readonly signing: SigningKeyService,
  ) {}

  async pdf(viewer: Principal, code: string, requestId?: string): Promise<{ pdf: Buffer; code: string }> {
    const record = await this.records.heldBy(viewer, { code }, AuditAction.CERTIFICATE_READ, requestId);
    return { pdf: await renderCertificatePdf(certificateContent(record, this.records.baseUrl)), code: record.verificationCode };
  }

  /** A VC-JWT the learner can put in a wallet or hand to an employer. Revoked records get none. */
  async badge(viewer: Principal, recordId: string, requestId?: string): Promise<{ jwt: string; keyUrl: string }> {
    const record = await this.records.heldBy(viewer, { id: recordId }, AuditAction.COMPLETION_BADGE_READ, requestId);
    if (record.revokedAt) throw new Conflict('This record was revoked, so no badge can be issued for it.');
    const course = await this.courses.courseVersion(record.courseSlug, record.courseVersion);
    const jwt = await this.signing.signJwt(openBadgeCredential(record, this.records.baseUrl, course?.completion));
    return { jwt, keyUrl: this.signing.keyUrl };
  }

  /** The issuer Profile a badge's `issuer.id` points at. */
  async issuer(orgId: string) {
    if (!Types.ObjectId.isValid(orgId)) throw new NotFound('That issuer');
    const org = await this.users.organization(orgId);
    return issuerProfile(this.records.baseUrl, orgId, org.name);
  }
}
