import type { Types } from 'mongoose';
import type { Role } from '../../src/auth/principal';

/**
 * A person as other modules see them: the fields the access policy, the dashboards and
 * messaging need, never the password hash or anything else the account holds. Declared
 * here rather than picked from the stored class, so the collection can change without
 * another module noticing. Reads fetch exactly these fields (`SUMMARY_FIELDS`), so a
 * lean result is already the view; ids stay ObjectIds under their stored names.
 */
export interface UserSummary {
  readonly _id: Types.ObjectId;
  readonly orgId: Types.ObjectId;
  readonly role: Role;
  readonly displayName: string;
  readonly email: string;
  /** For a client: the clinicians on their care team. */
  readonly careTeam?: readonly Types.ObjectId[];
  /** For a client: clinician id → the end of that clinician's emergency-access window. */
  readonly emergencyAccess?: Readonly<Record<string, Date>>;
  readonly hiredAt?: Date;
  readonly deactivatedAt?: Date;
  readonly createdAt: Date;
  /** A new address waiting for its owner to confirm it by the link sent there. */
  readonly pendingEmail?: string;
  /** For a client: when their care ended (dischargeClient). */
  readonly dischargedAt?: Date;
}

/** The projection every read of a summary uses; typed so that it names exactly the view's fields. */
export const SUMMARY_FIELDS: { readonly [K in Exclude<keyof UserSummary, '_id'>]-?: 1 } = {
  orgId: 1,
  role: 1,
  displayName: 1,
  email: 1,
  careTeam: 1,
  emergencyAccess: 1,
  hiredAt: 1,
  deactivatedAt: 1,
  createdAt: 1,
  pendingEmail: 1,
  dischargedAt: 1,
};
