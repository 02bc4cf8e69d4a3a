import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Principal } from '../../src/auth/principal';
import { DomainError } from '../../src/common/errors';
import type { AuditAction } from '../audit';
import { AuditService } from '../audit';
import {
  activeScopes,
  ClientAccess,
  decide,
  decideAct,
  gatedByTraining,
  readsAsFamily,
  POLICY,
  REDISCLOSURE_NOTICE,
  type Decision,
  type Permission,
  type SubjectFacts,
} from './policy/access-policy';
import { Consent } from './schemas/consent.schema';
import { FamilyLink } from './schemas/family-link.schema';
import { UsersService, type UserSummary } from './users.service';

export interface GrantedAccess {
  subject: UserSummary;
  decision: Extract<Decision, { allowed: true }>;
  /** The facts the decision was made from, for asking about a second permission without another query. */
  facts: SubjectFacts;
  /** The §2.32 notice to attach to what is returned, when a family member reads. */
  redisclosureNotice?: string;
}

/** The training a viewer lacks, as the refusal names it. */
export interface MissingTraining {
  courseSlug: string;
  courseTitle: string;
  requirementId?: string;
}

/**
 * Whether a clinician or admin holds the training that gates client records (issue 16).
 * Implemented by the training module, which depends on identity; it registers itself with
 * `useTrainingGate` at start-up, so identity never imports it.
 */
export interface TrainingGate {
  /** `asAdmin`: the viewer reads as an admin (the organization may exempt admins). */
  missingTraining(viewer: Principal, asAdmin: boolean): Promise<MissingTraining | undefined>;
  /** Forget anything remembered about the organization's gate: its settings, requirements or training records changed. */
  forget(orgId: string): void;
}

/** FORBIDDEN, with the reason and the course to take, for a viewer whose gating training is not current. */
export class TrainingRequired extends DomainError {
  constructor(missing: MissingTraining) {
    super('FORBIDDEN', `Reading client records needs current training: complete "${missing.courseTitle}" first.`, {
      reason: 'TRAINING_REQUIRED',
      course: { slug: missing.courseSlug, title: missing.courseTitle },
      ...(missing.requirementId && { requirementId: missing.requirementId }),
    });
  }
}

export interface RequireOptions {
  /** A more specific audit action than the permission's own (e.g. CASELOAD_READ for a caseload page). */
  action?: AuditAction;
  /** The subjects, when the caller already loaded them from the viewer's organization (saves a query). */
  known?: readonly UserSummary[];
  /** Leave out the subjects the viewer may not see instead of refusing the whole set (for lists). */
  onlyAllowed?: boolean;
  /** Small, non-sensitive context for the audit event (counts, ids, a reason the actor gave). */
  detail?: Record<string, unknown>;
}

/**
 * The one enforcement point of the access policy (policy/access-policy.ts, invariant 5
 * in docs/architecture.md). `require` loads the facts for the whole set of subjects in
 * one query (plus the family link and consents when a family member asks, and the
 * organization's setting only when a clinician reaches past their care team), asks the
 * pure `decide`, writes the audit event the policy calls for before anything is returned
 * (invariant 6), and throws the coded error.
 */
@Injectable()
export class AccessService {
  constructor(
    private readonly users: UsersService,
    private readonly audit: AuditService,
    @InjectModel(FamilyLink.name) private readonly links: Model<FamilyLink>,
    @InjectModel(Consent.name) private readonly consents: Model<Consent>,
  ) {}

  private trainingGate?: TrainingGate;

  /** Called once by the training module at start-up. */
  useTrainingGate(gate: TrainingGate): void {
    this.trainingGate = gate;
  }

  /** The organization's gate settings, requirements or staff training records changed: the gate asks again. */
  trainingChanged(orgId: string): void {
    this.trainingGate?.forget(orgId);
  }

  /** Every subject must be allowed, or nothing is returned (and nothing audited). */
  async require(viewer: Principal, permission: Permission, subjectIds: string | readonly string[], options: RequireOptions = {}): Promise<GrantedAccess[]> {
    const ids = typeof subjectIds === 'string' ? [subjectIds] : subjectIds;
    const decided = await this.decideMany(viewer, permission, ids, options.known);
    const granted: GrantedAccess[] = [];
    for (const id of ids) {
      const entry = decided.get(id);
      if (options.onlyAllowed && !entry?.decision.allowed) continue;
      if (!entry) throw new DomainError('NOT_FOUND', 'That person was not found.');
      if (!entry.decision.allowed) throw new DomainError(entry.decision.code, entry.decision.message);
      granted.push({ ...entry, decision: entry.decision });
    }
    const rule = POLICY[permission];
    // The training gate: a read of client records through the care team or as an admin needs
    // current gating training. Emergency access stays open (and is audited as such).
    const gated = granted.filter((g) => gatedByTraining(rule, g.decision.relation, g.subject.role));
    if (gated.length && this.trainingGate) {
      const missing = await this.trainingGate.missingTraining(viewer, gated.some((g) => g.decision.relation === 'ADMIN'));
      if (missing) throw new TrainingRequired(missing);
    }
    const action = options.action ?? (rule.kind === 'act' ? undefined : rule.audit);
    if (action) {
      const seen = new Set<string>();
      await this.audit.recordMany(
        granted
          .filter((g) => g.decision.audited && !seen.has(g.facts.id) && seen.add(g.facts.id))
          .map((g) => ({
            actor: viewer,
            action,
            subjectType: rule.kind === 'act' ? permission : rule.part,
            subjectId: g.facts.id,
            patientId: g.facts.id,
            ...((options.detail || g.decision.relation === 'EMERGENCY') && { detail: { ...options.detail, ...(g.decision.relation === 'EMERGENCY' && { emergencyAccess: true }) } }),
          })),
      );
    }
    return granted;
  }

  /** The single-subject form. */
  async requireOne(viewer: Principal, permission: Permission, subjectId: string, options: RequireOptions = {}): Promise<GrantedAccess> {
    const [granted] = await this.require(viewer, permission, subjectId, options);
    return granted;
  }

  /** An organization-wide act (no subject): throws the coded error when the role may not. */
  requireAct(viewer: Principal, permission: Permission): void {
    const decision = decideAct(viewer, permission);
    if (!decision.allowed) throw new DomainError(decision.code, decision.message);
  }

  /** A second question about a subject already granted: pure, no query, no audit. */
  also(viewer: Principal, granted: GrantedAccess, permission: Permission): boolean {
    return decide(viewer, permission, granted.facts).allowed;
  }

  /** Decisions without side effects: for filtering lists. Subjects outside the organization are absent. */
  async decideMany(
    viewer: Principal,
    permission: Permission,
    subjectIds: readonly string[],
    known?: readonly UserSummary[],
  ): Promise<Map<string, { subject: UserSummary; facts: SubjectFacts; decision: Decision; redisclosureNotice?: string }>> {
    const subjects = known?.every((s) => s.orgId.equals(viewer.orgId)) ? known : await this.users.findManyInOrg(viewer.orgId, [...new Set(subjectIds)]);
    const subjectIdsLoaded = subjects.map((s) => s._id);
    // Family facts matter only when a family member asks; other viewers never pay for them.
    const familyView = readsAsFamily(viewer) && subjects.some((s) => !s._id.equals(viewer.userId));
    const [links, consents] = familyView
      ? await Promise.all([
          this.links.find({ familyMemberId: new Types.ObjectId(viewer.userId), patientId: { $in: subjectIdsLoaded } }, { patientId: 1 }).lean(),
          this.consents
            .find(
              { orgId: new Types.ObjectId(viewer.orgId), recipientId: new Types.ObjectId(viewer.userId), patientId: { $in: subjectIdsLoaded }, revokedAt: { $exists: false } },
              { patientId: 1, scopes: 1, expiresAt: 1, revokedAt: 1 },
            )
            .lean(),
        ])
      : [[], []];
    const now = new Date();
    const factsOf = (subject: UserSummary, clientAccess: ClientAccess): SubjectFacts => ({
      id: subject._id.toHexString(),
      orgId: subject.orgId.toHexString(),
      role: subject.role,
      careTeam: (subject.careTeam ?? []).map((c) => c.toHexString()),
      emergencyUntil: subject.emergencyAccess?.[viewer.userId] ? new Date(subject.emergencyAccess[viewer.userId]) : undefined,
      linked: links.some((l) => l.patientId.equals(subject._id)),
      consentScopes: activeScopes(consents.filter((c) => c.patientId.equals(subject._id)), now),
      clientAccess,
    });
    let facts = subjects.map((s) => factsOf(s, ClientAccess.CARE_TEAM));
    let decisions = facts.map((f) => decide(viewer, permission, f, now));
    // The organization's setting can only widen a clinician's view past the care team, so it
    // is read only when that would change an answer: the usual request costs no extra query.
    if (decisions.some((d) => !d.allowed && d.relation === 'OFF_TEAM')) {
      const org = await this.users.organization(viewer.orgId);
      if (org.clientAccess === ClientAccess.ALL_CLINICIANS) {
        facts = subjects.map((s) => factsOf(s, ClientAccess.ALL_CLINICIANS));
        decisions = facts.map((f) => decide(viewer, permission, f, now));
      }
    }
    const result = new Map<string, { subject: UserSummary; facts: SubjectFacts; decision: Decision; redisclosureNotice?: string }>();
    subjects.forEach((subject, i) => {
      const decision = decisions[i];
      result.set(facts[i].id, { subject, facts: facts[i], decision, redisclosureNotice: decision.allowed && decision.redisclosure ? REDISCLOSURE_NOTICE : undefined });
    });
    return result;
  }
}
