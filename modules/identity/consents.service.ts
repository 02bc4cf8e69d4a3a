import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Principal } from '../../src/auth/principal';
import { BadInput, DomainError, Forbidden, NotFound } from '../../src/common/errors';
import { AuditAction } from '../audit';
import { AuditService } from '../audit';
import { AccessService } from './access.service';
import type { GrantFamilyConsentInput } from './dto/identity.inputs';
import { readsAsFamily, Permission, REDISCLOSURE_NOTICE, roleMay } from './policy/access-policy';
import { invitesLinkToPatient } from './policy/roles';
import { Consent, ConsentMethod } from './schemas/consent.schema';
import { FamilyLink } from './schemas/family-link.schema';
import { UsersService } from './users.service';

/**
 * Family consent under 42 CFR Part 2. A patient grants it in the app; a
 * clinician or admin may record one the patient signed on paper. Consents are
 * never edited, only revoked, so the history stays whole.
 */
@Injectable()
export class ConsentsService {
  constructor(
    @InjectModel(Consent.name) private readonly consents: Model<Consent>,
    @InjectModel(FamilyLink.name) private readonly links: Model<FamilyLink>,
    private readonly users: UsersService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async grant(actor: Principal, input: GrantFamilyConsentInput): Promise<Consent> {
    const onPaper = !roleMay(actor, Permission.GRANT_OWN_CONSENT);
    if (onPaper && !roleMay(actor, Permission.RECORD_PAPER_CONSENT)) throw new Forbidden();
    if (!onPaper && input.patientId && input.patientId !== actor.userId) {
      throw new Forbidden('Patients can grant consent for their own records only.');
    }
    const patientId = onPaper ? input.patientId : actor.userId;
    if (!patientId) throw new BadInput('Name the patient (patientId) whose paper consent you are recording.', { field: 'patientId' });
    if (onPaper && !input.signedAt) throw new BadInput('A paper consent needs the date the patient signed it (signedAt).', { field: 'signedAt' });
    if (!input.rightToRevokeAcknowledged) {
      throw new BadInput('The patient must be told they can revoke this consent at any time (rightToRevokeAcknowledged).', { field: 'rightToRevokeAcknowledged' });
    }
    const now = new Date();
    if (!input.expiresAt && !input.expiryEvent?.trim()) {
      throw new BadInput('A consent needs an end: an expiry date (expiresAt), an event (expiryEvent), or both.', { field: 'expiresAt' });
    }
    if (input.expiresAt && input.expiresAt <= now) throw new BadInput('expiresAt must be in the future.', { field: 'expiresAt' });
    if (input.signedAt && input.signedAt > now) throw new BadInput('signedAt cannot be in the future.', { field: 'signedAt' });

    const [{ subject: patient }, recipient] = await Promise.all([
      this.access.requireOne(actor, onPaper ? Permission.RECORD_PAPER_CONSENT : Permission.GRANT_OWN_CONSENT, patientId),
      this.users.findById(input.familyMemberId),
    ]);
    if (!recipient || !recipient.orgId.equals(actor.orgId) || !invitesLinkToPatient(recipient.role)) throw new NotFound('That family member');
    const linked = await this.links.exists({ patientId: patient._id, familyMemberId: recipient._id });
    if (!linked) throw new BadInput('That family member is not linked to this patient. A clinician links them with a family invite.', { field: 'familyMemberId' });
    const org = await this.users.organization(patient.orgId);

    const consent = await this.consents.create({
      orgId: patient.orgId,
      patientId: patient._id,
      patientName: patient.displayName,
      discloserName: org.name,
      recipientId: recipient._id,
      recipientName: recipient.displayName,
      scopes: input.scopes,
      purpose: input.purpose.trim(),
      expiresAt: input.expiresAt,
      expiryEvent: input.expiryEvent?.trim() || undefined,
      method: onPaper ? ConsentMethod.RECORDED_FROM_PAPER : ConsentMethod.IN_APP,
      signedByName: patient.displayName,
      signedAt: onPaper ? input.signedAt : now,
      recordedBy: new Types.ObjectId(actor.userId),
      paperReference: onPaper ? input.paperReference?.trim() : undefined,
      rightToRevokeStated: true,
    });
    await this.audit.record({
      actor,
      action: AuditAction.CONSENT_GRANTED,
      subjectType: 'CONSENT',
      subjectId: consent._id.toHexString(),
      patientId: patient._id.toHexString(),
      detail: { scopes: input.scopes, method: consent.method },
    });
    return consent.toObject();
  }

  /** The patient revokes in the app, or a clinician or admin records a revocation. Revoking twice is harmless. */
  async revoke(actor: Principal, consentId: string): Promise<Consent> {
    if (!Types.ObjectId.isValid(consentId)) throw new NotFound('That consent');
    const consent = await this.consents.findOne({ _id: new Types.ObjectId(consentId), orgId: new Types.ObjectId(actor.orgId) }).lean();
    if (!consent) throw new NotFound('That consent');
    await this.access.requireOne(actor, Permission.REVOKE_CONSENT, consent.patientId.toHexString()).catch((error: unknown) => {
      throw error instanceof DomainError && error.code === 'NOT_FOUND' ? new NotFound('That consent') : error;
    });
    if (consent.revokedAt) return consent;
    const revoked = await this.consents.findOneAndUpdate(
      { _id: consent._id, revokedAt: { $exists: false } },
      { $set: { revokedAt: new Date(), revokedBy: new Types.ObjectId(actor.userId) } },
      { returnDocument: 'after', lean: true },
    );
    await this.audit.record({ actor, action: AuditAction.CONSENT_REVOKED, subjectType: 'CONSENT', subjectId: consentId, patientId: consent.patientId.toHexString() });
    return revoked ?? (await this.consents.findById(consent._id).lean())!;
  }

  /**
   * Patients and the care team see a patient's consents (a care-team read is
   * audited); a family member sees the consents naming them.
   */
  async list(viewer: Principal, patientId?: string): Promise<{ consents: Consent[]; redisclosureNotice?: string }> {
    if (patientId !== undefined && !Types.ObjectId.isValid(patientId)) throw new NotFound('That patient');
    if (readsAsFamily(viewer)) {
      const filter: Record<string, unknown> = { orgId: new Types.ObjectId(viewer.orgId), recipientId: new Types.ObjectId(viewer.userId) };
      if (patientId) filter.patientId = new Types.ObjectId(patientId);
      const consents = await this.consents.find(filter).sort({ createdAt: -1 }).lean();
      return { consents, redisclosureNotice: consents.length ? REDISCLOSURE_NOTICE : undefined };
    }
    const subjectId = patientId ?? viewer.userId;
    await this.access.requireOne(viewer, Permission.READ_CONSENTS, subjectId);
    const consents = await this.consents.find({ orgId: new Types.ObjectId(viewer.orgId), patientId: new Types.ObjectId(subjectId) }).sort({ createdAt: -1 }).lean();
    return { consents };
  }

  /** The consents a client gave, or that name them as recipient, for the record export (the caller has asked the access policy). */
  ofClient(orgId: string, clientId: Types.ObjectId): Promise<Consent[]> {
    return this.consents.find({ orgId: new Types.ObjectId(orgId), $or: [{ patientId: clientId }, { recipientId: clientId }] }).sort({ createdAt: 1, _id: 1 }).lean();
  }

  /** Consents in force that end between `from` and `to` (the weekly digest's "ending soon"). */
  expiringBetween(orgId: Types.ObjectId | string, from: Date, to: Date): Promise<Array<Pick<Consent, '_id' | 'patientId'>>> {
    return this.consents.find({ orgId: new Types.ObjectId(orgId), revokedAt: { $exists: false }, expiresAt: { $gte: from, $lte: to } }, { patientId: 1 }).lean();
  }

  familyMemberIds(patientId: Types.ObjectId): Promise<Types.ObjectId[]> {
    return this.links.find({ patientId }, { familyMemberId: 1 }).lean().then((rows) => rows.map((r) => r.familyMemberId));
  }
}
