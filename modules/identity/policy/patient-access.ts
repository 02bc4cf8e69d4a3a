import { Role, type Principal } from '../../../src/auth/principal';
import { ConsentScope } from '../schemas/consent.schema';

/** The parts of a learner's record that can be disclosed separately. */
export enum RecordPart {
  PROFILE = 'PROFILE',
  PROGRESS = 'PROGRESS',
  COMPLETIONS = 'COMPLETIONS',
  ATTEMPTS = 'ATTEMPTS',
  REFLECTIONS = 'REFLECTIONS',
  CONSENTS = 'CONSENTS',
}

export type Relation = 'SELF' | 'CARE_TEAM' | 'FAMILY_WITH_CONSENT' | 'NONE';

export interface SubjectFacts {
  id: string;
  orgId: string;
  role: Role;
}

export interface AccessDecision {
  relation: Relation;
  parts: ReadonlySet<RecordPart>;
  /** Reads by anyone but the person themself are audited (docs/architecture.md invariant 6). */
  audited: boolean;
  /** A family member is reading: responses carry the §2.32 redisclosure notice. */
  redisclosure: boolean;
}

const ALL_PARTS: ReadonlySet<RecordPart> = new Set(Object.values(RecordPart));
const NOTHING: AccessDecision = { relation: 'NONE', parts: new Set(), audited: false, redisclosure: false };

/** Which consent scope unlocks which part for a family member. Reflections, attempts and consents: none, ever. */
const PARTS_BY_SCOPE: Record<ConsentScope, RecordPart[]> = {
  [ConsentScope.PROGRESS]: [RecordPart.PROFILE, RecordPart.PROGRESS],
  [ConsentScope.COMPLETIONS]: [RecordPart.PROFILE, RecordPart.COMPLETIONS],
};

/** The parts some consent scope can disclose to a family member; the rest never are. */
export const FAMILY_CONSENTABLE_PARTS: ReadonlySet<RecordPart> = new Set(Object.values(PARTS_BY_SCOPE).flat());

/** Records of patients and family members are clinical records: care-team reads of them are audited. */
export function isClientRole(role: Role): boolean {
  return role === Role.PATIENT || role === Role.FAMILY;
}

/**
 * May `viewer` see `subject`'s records, and which parts (docs/architecture.md invariant 5)?
 * `activeScopes` are the scopes of the subject's active consents naming the
 * viewer, and `linked` whether a family link joins them; the caller looks both
 * up. Pure, so the whole matrix is unit-tested without a database.
 */
export function decideAccess(viewer: Principal, subject: SubjectFacts, linked: boolean, activeScopes: readonly ConsentScope[]): AccessDecision {
  if (viewer.orgId !== subject.orgId) return NOTHING;
  if (viewer.userId === subject.id) return { relation: 'SELF', parts: ALL_PARTS, audited: false, redisclosure: false };

  switch (viewer.role) {
    case Role.ADMIN:
      return { relation: 'CARE_TEAM', parts: ALL_PARTS, audited: isClientRole(subject.role), redisclosure: false };
    case Role.CLINICIAN:
      return isClientRole(subject.role)
        ? { relation: 'CARE_TEAM', parts: ALL_PARTS, audited: true, redisclosure: false }
        : NOTHING;
    case Role.FAMILY: {
      if (subject.role !== Role.PATIENT || !linked || activeScopes.length === 0) return NOTHING;
      const parts = new Set(activeScopes.flatMap((scope) => PARTS_BY_SCOPE[scope]));
      return { relation: 'FAMILY_WITH_CONSENT', parts, audited: true, redisclosure: true };
    }
    case Role.STAFF:
    case Role.PATIENT:
      return NOTHING;
  }
}

export interface ConsentFacts {
  scopes: readonly ConsentScope[];
  expiresAt?: Date | null;
  revokedAt?: Date | null;
}

/** An expired or revoked consent grants nothing. */
export function activeScopes(consents: readonly ConsentFacts[], now: Date): ConsentScope[] {
  const scopes = new Set<ConsentScope>();
  for (const consent of consents) {
    if (consent.revokedAt) continue;
    if (consent.expiresAt && consent.expiresAt.getTime() <= now.getTime()) continue;
    consent.scopes.forEach((scope) => scopes.add(scope));
  }
  return [...scopes];
}

/** The notice 42 CFR §2.32 requires on each disclosure made with the patient's consent. */
export const REDISCLOSURE_NOTICE =
  '42 CFR part 2 prohibits unauthorized use or disclosure of these records. ' +
  'This information was shared with you with the patient\'s written consent; do not share it further.';
