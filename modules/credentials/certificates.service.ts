import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import type { Principal } from '../../src/auth/principal';
import { Conflict, NotFound } from '../../src/common/errors';
import { AuditAction } from '../audit';
import { CoursesService } from '../curriculum';
import { UsersService } from '../identity';
import { achievement, credentialUrl, issuerProfile, OB_CONTEXT, openBadgeCredential } from './badge/open-badge';
import { certificateContent } from './certificate/certificate-content';
import { renderCertificatePdf } from './certificate/certificate-pdf';
import { CompletionRecordsService } from './completion-records.service';
import type { StoredCompletionRecord } from './schemas/completion-record.schema';
import { SigningKeyService } from './signing/signing-key.service';
import { StatusListsService } from './status-lists.service';

/** What a record holder takes away: the certificate PDF and the Open Badges 3.0 credential. */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly records: CompletionRecordsService,
    private readonly courses: CoursesService,
    private readonly users: UsersService,
    private readonly signing: SigningKeyService,
    private readonly statusLists: StatusListsService,
  ) {}

  async pdf(viewer: Principal, code: string): Promise<{ pdf: Buffer; code: string }> {
    const record = await this.records.heldBy(viewer, { code }, AuditAction.CERTIFICATE_READ);
    return { pdf: await this.render(record), code: record.verificationCode };
  }

  /** The certificate PDF of a record already read under the access policy (the record export). */
  render(record: StoredCompletionRecord): Promise<Buffer> {
    return renderCertificatePdf(certificateContent(record, this.records.baseUrl));
  }

  /** A VC-JWT the learner can put in a wallet or hand to an employer. Revoked records get none. */
  async badge(viewer: Principal, recordId: string): Promise<{ jwt: string; keyUrl: string }> {
    const record = await this.records.heldBy(viewer, { id: recordId }, AuditAction.COMPLETION_BADGE_READ);
    if (record.revokedAt) throw new Conflict('This record was revoked, so no badge can be issued for it.');
    const [course, status] = await Promise.all([this.courses.courseVersion(record.courseSlug, record.courseVersion), this.statusLists.entryFor(record, this.records.baseUrl)]);
    const jwt = await this.signing.signJwt(openBadgeCredential(record, this.records.baseUrl, course?.completion, status));
    return { jwt, keyUrl: this.signing.keyUrl };
  }

  /** What an `achievement.id` resolves to: public facts about a course version. */
  async achievement(courseSlug: string, version: number) {
    const course = Number.isInteger(version) && version > 0 ? await this.courses.courseVersion(courseSlug, version) : null;
    if (!course) throw new NotFound('That achievement');
    return achievement(this.records.baseUrl, course, course.completion);
  }

  /**
   * What a credential `id` resolves to. The signed badge is the holder's, so this
   * answers the same for every well-formed id, existing or not, and confirms nothing
   * about any record: it says how to check the copy the holder presents.
   */
  credentialDescription(recordId: string) {
    if (!Types.ObjectId.isValid(recordId)) throw new NotFound('That credential');
    return {
      '@context': OB_CONTEXT,
      id: credentialUrl(this.records.baseUrl, recordId),
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      description:
        'An Open Badges 3.0 credential. Its holder has the signed copy (a VC-JWT): check the signature with the key at verificationMethod, and revocation with the status list the credential names.',
      verificationMethod: this.signing.keyUrl,
    };
  }

  async statusList(orgId: string): Promise<string> {
    return this.statusLists.signedList(orgId, this.records.baseUrl);
  }

  /** The issuer Profile a badge's `issuer.id` points at. */
  async issuer(orgId: string) {
    if (!Types.ObjectId.isValid(orgId)) throw new NotFound('That issuer');
    const org = await this.users.organization(orgId);
    return issuerProfile(this.records.baseUrl, orgId, org.name);
  }
}
