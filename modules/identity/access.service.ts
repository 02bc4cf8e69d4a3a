import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { CARE_TEAM_ROLES, Role, type Principal } from '../../src/auth/principal';
import { Forbidden, NotFound } from '../../src/common/errors';
import { AuditService } from '../audit/audit.service';
import { activeScopes, decideAccess, FAMILY_CONSENTABLE_PARTS, REDISCLOSURE_NOTICE, RecordPart, type AccessDecision } from './policy/patient-access';
import { Consent } from './schemas/consent.schema';
import { FamilyLink } from './schemas/family-link.schema';
import { UsersService, type UserSummary } from './users.service';

export interface GrantedAccess {
  subject: UserSummary;
  /** A family link joins viewer and subject. */
  linked: boolean;
  decision: AccessDecision;
  /** The §2.32 notice to attach to what is returned, when a family member reads. */
  redisclosureNotice?: string;
}

/**
 * The one answer to "may this person see these learners' records, and which
 * parts" (docs/architecture.md invariant 5). Every module that returns someone's records
 * asks here, and every read by someone other than the learner is audited here
 * before the data is returned (invariant 6).
 */
@Injectable()
export class AccessService {
  constructor(
    private readonly users: UsersService,
    private readonly audit: AuditService,
    @InjectModel(FamilyLink.name) private readonly links: Model<FamilyLink>,
    @InjectModel(Consent.name) private readonly consents: Model<Consent>,
  ) {}

  /**
   * Throws NOT_FOUND for someone outside the caller's organization (their
   * existence is not ours to confirm) and FORBIDDEN when the part is not allowed.
   */
  async require(viewer: Principal, subjectId: string, part: RecordPart, action: string, requestId?: string): Promise<GrantedAccess> {
    const [granted] = await this.requireMany(viewer, [subjectId], part, action, requestId);
    return granted;
  }

  /** The batch form: a constant number of queries for any number of subjects. */
  async requireMany(
    viewer: Principal,
    subjectIds: readonly string[],
    part: RecordPart,
    action: string,
    requestId?: string,
    /** The subjects, when the caller already loaded them from the viewer's organization (saves a query). */
    known?: readonly UserSummary[],
  ): Promise<GrantedAccess[]> {
    const decided = await this.decideMany(viewer, subjectIds, known);
    const granted: GrantedAccess[] = [];
    for (const id of subjectIds) {
      const entry = decided.get(id);
      if (!entry) throw new NotFound('That person');
      if (!entry.decision.parts.has(part) && !CARE_TEAM_ROLES.includes(viewer.role) && !entry.linked) {
        // A learner asking about someone unrelated learns nothing, not even that the id is a person.
        throw new NotFound('That person');
      }
      if (!entry.decision.parts.has(part)) {
        throw new Forbidden(refusal(viewer.role, part));
      }
      granted.push(entry);
    }
    await this.audit.recordMany(
      granted
        .filter((g) => g.decision.audited)
        .map((g) => ({ actor: viewer, action, subjectType: part, subjectId: g.subject._id.toHexString(), patientId: g.subject._id.toHexString(), requestId })),
    );
    return granted;
  }

  /** Decisions without side effects: for filtering lists. Subjects outside the org are absent. */
  async decideMany(viewer: Principal, subjectIds: readonly string[], known?: readonly UserSummary[]): Promise<Map<string, GrantedAccess>> {
    const subjects = known?.every((s) => s.orgId.equals(viewer.orgId)) ? known : await this.users.findManyInOrg(viewer.orgId, [...new Set(subjectIds)]);
    const familyView = viewer.role === Role.FAMILY && subjects.some((s) => s.role === Role.PATIENT);
    const [links, consents] = familyView
      ? await Promise.all([
          this.links.find({ familyMemberId: new Types.ObjectId(viewer.userId), patientId: { $in: subjects.map((s) => s._id) } }, { patientId: 1 }).lean(),
          this.consents
            .find(
              { orgId: new Types.ObjectId(viewer.orgId), recipientId: new Types.ObjectId(viewer.userId), patientId: { $in: subjects.map((s) => s._id) }, revokedAt: { $exists: false } },
              { patientId: 1, scopes: 1, expiresAt: 1, revokedAt: 1 },
            )
            .lean(),
        ])
      : [[], []];
    const now = new Date();
    const result = new Map<string, GrantedAccess>();
    for (const subject of subjects) {
      const id = subject._id.toHexString();
      const linked = links.some((l) => l.patientId.equals(subject._id));
      const scopes = activeScopes(consents.filter((c) => c.patientId.equals(subject._id)), now);
      const decision = decideAccess(viewer, { id, orgId: subject.orgId.toHexString(), role: subject.role }, linked, scopes);
      result.set(id, { subject, linked, decision, redisclosureNotice: decision.redisclosure ? REDISCLOSURE_NOTICE : undefined });
    }
    return result;
  }
}

/**
 * Why a care-team member or family member was refused, in words they can act on.
 * No consent can ever cover reflections, attempts or consents (patient-access.ts),
 * so a family member is not sent to ask for one.
 */
function refusal(role: Role, part: RecordPart): string {
  if (role !== Role.FAMILY) return 'You do not have permission to see these records.';
  if (part === RecordPart.REFLECTIONS) return "Reflections are private: they are never shared with family members, whatever the patient's consent says.";
  if (!FAMILY_CONSENTABLE_PARTS.has(part)) return 'This part of the record is never shared with family members.';
  return "You can see this only while the patient's consent is active and covers it.";
}
