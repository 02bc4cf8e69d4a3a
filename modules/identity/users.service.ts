import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { Role } from '../../src/auth/principal';
import { forbiddenWordIn } from '../../src/common/discreet-wording';
import { BadInput, Conflict, isDuplicateKeyError, NotFound } from '../../src/common/errors';
import { pageOf, type KeysetPage } from '../../src/common/pagination';
import type { OrganizationSettingsInput } from './models/care-team.models';
import { DEFAULT_REMINDER_POLICY, DEFAULT_TRAINING_GATE, Organization, type TrainingGateSettings } from './schemas/organization.schema';
import { User } from './schemas/user.schema';
import { assertPasswordAllowed, hashPassword } from './passwords';
import { SUMMARY_FIELDS, type UserSummary } from './views';

export interface NewUser {
  orgId: Types.ObjectId;
  email: string;
  role: Role;
  displayName: string;
  password: string;
  careTeam?: Types.ObjectId[];
  hiredAt?: Date;
}

export type { UserSummary } from './views';
const SUMMARY = SUMMARY_FIELDS;

/** Users and organizations. Other modules read people through this service, never through the models. */
@Injectable()
export class UsersService {
  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    @InjectModel(Organization.name) private readonly organizations: Model<Organization>,
  ) {}

  async createOrganization(name: string, slug?: string): Promise<Organization> {
    const cleanName = name.trim();
    if (!cleanName) throw new Conflict('An organization needs a name.');
    const finalSlug = slug ?? slugify(cleanName);
    try {
      return (await this.organizations.create({ name: cleanName, slug: finalSlug })).toObject();
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new Conflict(`An organization with the slug "${finalSlug}" already exists.`);
      throw error;
    }
  }

  async organization(orgId: Types.ObjectId | string): Promise<Organization> {
    // Read on every lesson page (its crisis line): through the driver, as a lean read returns the stored document anyway.
    const org = await this.organizations.collection.findOne<Organization>({ _id: new Types.ObjectId(orgId) });
    if (!org) throw new NotFound('Organization');
    return org;
  }

  /** Changes only the settings given; checks each so a bad value changes nothing. */
  async updateOrganizationSettings(orgId: string, input: OrganizationSettingsInput): Promise<Organization> {
    const set: Record<string, unknown> = {};
    if (input.clientAccess) set.clientAccess = input.clientAccess;
    const unset: Record<string, 1> = {};
    if (input.timeZone !== undefined) {
      if (!isTimeZone(input.timeZone)) throw new BadInput(`"${input.timeZone}" is not a time zone. Use an IANA name such as America/Chicago.`, { field: 'timeZone' });
      set.timeZone = input.timeZone;
    }
    if (input.crisisLine !== undefined) {
      if (input.crisisLine.trim()) set.crisisLine = input.crisisLine.trim();
      else unset.crisisLine = 1;
    }
    if (input.discreetSenderName !== undefined) {
      const name = input.discreetSenderName.trim();
      const word = forbiddenWordIn(name);
      if (word) {
        throw new BadInput(`The sender name must not reveal care: "${word}" would tell anyone who sees the email. Choose a neutral name, such as "Harbor Health Portal".`, {
          field: 'discreetSenderName',
        });
      }
      set.discreetSenderName = name;
    }
    // Each field of the lesson text on its own: an empty string goes back to the default.
    for (const [field, value] of Object.entries(input.programInfo ?? {}) as Array<[string, string | undefined]>) {
      if (value === undefined) continue;
      if (value.trim()) set[`programInfo.${field}`] = value.trim();
      else unset[`programInfo.${field}`] = 1;
    }
    if (input.reminderPolicy) {
      const org = await this.organization(orgId);
      set.reminderPolicy = { ...DEFAULT_REMINDER_POLICY, ...org.reminderPolicy, ...definedOnly(input.reminderPolicy) };
    }
    if (input.trainingGate) {
      const org = await this.organization(orgId);
      const { requirementIds, ...flags } = input.trainingGate;
      const gate: TrainingGateSettings = { ...DEFAULT_TRAINING_GATE, ...org.trainingGate, ...definedOnly(flags) };
      if (requirementIds) gate.requirementIds = requirementIds.map((id) => new Types.ObjectId(id));
      set.trainingGate = gate;
    }
    const update: Record<string, unknown> = {};
    if (Object.keys(set).length) update.$set = set;
    if (Object.keys(unset).length) update.$unset = unset;
    const org = Object.keys(update).length
      ? await this.organizations.findOneAndUpdate({ _id: new Types.ObjectId(orgId) }, update, { returnDocument: 'after' }).lean()
      : await this.organizations.findById(orgId).lean();
    if (!org) throw new NotFound('Organization');
    return org;
  }

  async create(input: NewUser): Promise<User> {
    const email = normalizeEmail(input.email);
    assertPasswordAllowed(input.password, email);
    const passwordHash = await hashPassword(input.password);
    try {
      const created = await this.users.create({ ...input, email, displayName: input.displayName.trim(), passwordHash });
      return created.toObject();
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new Conflict('An account with that email address already exists.');
      throw error;
    }
  }

  /** Password hash included: for the sign-in path only. Deactivated accounts too, so sign-in can say why it refuses. */
  findForLogin(email: string): Promise<User | null> {
    return this.users.findOne({ email: normalizeEmail(email) }).lean();
  }

  /** Returns false when the account was already in that state. */
  async setDeactivated(id: Types.ObjectId, deactivation: { at: Date; reason: string; by: string } | null): Promise<boolean> {
    const result = deactivation
      ? await this.users.updateOne(
          { _id: id, deactivatedAt: { $exists: false } },
          { $set: { deactivatedAt: deactivation.at, deactivationReason: deactivation.reason, deactivatedBy: new Types.ObjectId(deactivation.by) } },
        )
      : await this.users.updateOne({ _id: id, deactivatedAt: { $exists: true } }, { $unset: { deactivatedAt: 1, deactivationReason: 1, deactivatedBy: 1 } });
    return result.modifiedCount === 1;
  }

  /** Returns false when the client was already discharged. */
  async setDischarged(id: Types.ObjectId, discharge: { at: Date; reason: string; by: string }): Promise<boolean> {
    const result = await this.users.updateOne(
      { _id: id, dischargedAt: { $exists: false } },
      { $set: { dischargedAt: discharge.at, dischargeReason: discharge.reason, dischargedBy: new Types.ObjectId(discharge.by) } },
    );
    return result.modifiedCount === 1;
  }

  updateProfile(id: Types.ObjectId, set: { displayName?: string; role?: Role }): Promise<UserSummary | null> {
    return this.users.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after', projection: SUMMARY, runValidators: true }).lean();
  }

  /** Replaces any earlier proposal: only the newest link works. */
  async proposeEmail(id: Types.ObjectId, pendingEmail: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.users.updateOne({ _id: id }, { $set: { pendingEmail, emailChangeTokenHash: tokenHash, emailChangeExpiresAt: expiresAt } });
  }

  findByEmailChangeToken(tokenHash: string, now: Date): Promise<UserSummary | null> {
    return this.users.findOne({ emailChangeTokenHash: tokenHash, emailChangeExpiresAt: { $gt: now } }, SUMMARY).lean();
  }

  /** Makes the pending address the account's, once; false if the link was used meanwhile. */
  async applyEmailChange(id: Types.ObjectId, tokenHash: string, email: string): Promise<boolean> {
    try {
      const result = await this.users.updateOne(
        { _id: id, emailChangeTokenHash: tokenHash },
        { $set: { email }, $unset: { pendingEmail: 1, emailChangeTokenHash: 1, emailChangeExpiresAt: 1 } },
      );
      return result.modifiedCount === 1;
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new Conflict('Another account already uses that email address, so it cannot be moved to this one.');
      throw error;
    }
  }

  /** For checking a password the person types (password change); never leaves the identity module. */
  async passwordHashOf(id: Types.ObjectId): Promise<string | undefined> {
    return (await this.users.findById(id, { passwordHash: 1 }).lean())?.passwordHash;
  }

  async setPasswordHash(id: Types.ObjectId, passwordHash: string): Promise<void> {
    await this.users.updateOne({ _id: id }, { $set: { passwordHash } });
  }

  findByEmail(email: string): Promise<UserSummary | null> {
    return this.users.findOne({ email: normalizeEmail(email) }, SUMMARY).lean();
  }

  findById(id: Types.ObjectId | string): Promise<UserSummary | null> {
    if (!Types.ObjectId.isValid(id)) return Promise.resolve(null);
    return this.users.findById(id, SUMMARY).lean();
  }

  /**
   * A person with their organization's name and time zone, in one query: what a completion
   * record names (issued while a learner waits for their quiz result).
   */
  async findWithOrganization(id: Types.ObjectId): Promise<{ user: UserSummary; organization: Pick<Organization, '_id' | 'name' | 'timeZone'> } | null> {
    const [row] = await this.users.aggregate<UserSummary & { organization: Array<Pick<Organization, '_id' | 'name' | 'timeZone'>> }>([
      { $match: { _id: id } },
      { $lookup: { from: this.organizations.collection.collectionName, localField: 'orgId', foreignField: '_id', as: 'organization' } },
      { $project: { ...SUMMARY, 'organization._id': 1, 'organization.name': 1, 'organization.timeZone': 1 } },
    ]);
    if (!row?.organization[0]) return null;
    const { organization, ...user } = row;
    return { user, organization: organization[0] };
  }

  /** One query for any number of ids, scoped to the organization. */
  findManyInOrg(orgId: string, ids: readonly string[]): Promise<UserSummary[]> {
    const valid = ids.filter((id) => Types.ObjectId.isValid(id)).map((id) => new Types.ObjectId(id));
    if (valid.length === 0) return Promise.resolve([]);
    return this.users.find({ orgId: new Types.ObjectId(orgId), _id: { $in: valid } }, SUMMARY).lean();
  }

  /** A page of an organization's active users of some roles (optionally one clinician's care team), ordered by id. */
  listInOrg(
    orgId: string,
    roles: readonly Role[],
    page: { first: number; after?: string; careTeamMember?: string; search?: string; only?: readonly Types.ObjectId[]; deactivated?: boolean },
  ): Promise<KeysetPage<UserSummary>> {
    const filter: Record<string, unknown> = { orgId: new Types.ObjectId(orgId), role: { $in: roles }, deactivatedAt: { $exists: page.deactivated === true } };
    if (page.careTeamMember) filter.careTeam = new Types.ObjectId(page.careTeamMember);
    // Under $and, so the keyset cursor's own condition on _id does not replace it.
    if (page.only) filter.$and = [{ _id: { $in: page.only } }];
    const search = page.search?.trim();
    if (search) {
      // Part of a name or address, any case; the text is matched literally, never as a pattern.
      const pattern = new RegExp(search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
      filter.$or = [{ displayName: pattern }, { email: pattern }];
    }
    return pageOf<UserSummary>(this.users as unknown as Model<UserSummary>, filter, page, SUMMARY);
  }

  /**
   * Before care teams, a client had one `clinicianId`. Moves it to `careTeam` as the first
   * member. Idempotent: only documents still holding `clinicianId` match, and each loses it.
   */
  async migrateCareTeams(): Promise<number> {
    const legacy = await this.users.collection.find({ clinicianId: { $exists: true } }, { projection: { clinicianId: 1, careTeam: 1 } }).toArray();
    if (legacy.length === 0) return 0;
    await this.users.collection.bulkWrite(
      legacy.map((u) => ({
        updateOne: {
          filter: { _id: u._id, clinicianId: { $exists: true } },
          update: { $addToSet: { careTeam: u.clinicianId as Types.ObjectId }, $unset: { clinicianId: '' } },
        },
      })),
      { ordered: false },
    );
    return legacy.length;
  }

  /** Adds a clinician to a client's care team; adding twice changes nothing. */
  async addToCareTeam(orgId: string, clientId: Types.ObjectId, clinicianId: Types.ObjectId): Promise<UserSummary | null> {
    return this.users.findOneAndUpdate({ _id: clientId, orgId: new Types.ObjectId(orgId) }, { $addToSet: { careTeam: clinicianId } }, { returnDocument: 'after', projection: SUMMARY }).lean();
  }

  async removeFromCareTeam(orgId: string, clientId: Types.ObjectId, clinicianId: Types.ObjectId): Promise<UserSummary | null> {
    return this.users.findOneAndUpdate({ _id: clientId, orgId: new Types.ObjectId(orgId) }, { $pull: { careTeam: clinicianId } }, { returnDocument: 'after', projection: SUMMARY }).lean();
  }

  /** The care team becomes exactly these clinicians. */
  async setCareTeam(orgId: string, clientId: Types.ObjectId, clinicianIds: Types.ObjectId[]): Promise<UserSummary | null> {
    return this.users.findOneAndUpdate({ _id: clientId, orgId: new Types.ObjectId(orgId) }, { $set: { careTeam: clinicianIds } }, { returnDocument: 'after', projection: SUMMARY }).lean();
  }

  /** Opens (or extends) a clinician's emergency-access window on a client. */
  async openEmergencyWindow(orgId: string, clientId: Types.ObjectId, clinicianId: string, until: Date): Promise<void> {
    await this.users.updateOne({ _id: clientId, orgId: new Types.ObjectId(orgId) }, { $set: { [`emergencyAccess.${clinicianId}`]: until } });
  }

  /** Every organization (scheduled jobs walk them; there are few). */
  allOrganizations(): Promise<Organization[]> {
    return this.organizations.find({}).lean();
  }

  /** Active admins of an organization: the care team of last resort. */
  activeAdmins(orgId: Types.ObjectId | string): Promise<UserSummary[]> {
    return this.users.find({ orgId: new Types.ObjectId(orgId), role: Role.ADMIN, deactivatedAt: { $exists: false } }, SUMMARY).lean();
  }

  /** Active people of an organization in these roles (scheduled jobs: reminders and the weekly digest). */
  activeInOrg(orgId: Types.ObjectId | string, roles: readonly Role[]): Promise<UserSummary[]> {
    return this.users.find({ orgId: new Types.ObjectId(orgId), role: { $in: [...roles] }, deactivatedAt: { $exists: false } }, SUMMARY).lean();
  }

  /** Undoes a half-finished `org create`; never used on an organization with people in it. */
  async deleteOrganization(orgId: Types.ObjectId): Promise<void> {
    if (await this.users.exists({ orgId })) return;
    await this.organizations.deleteOne({ _id: orgId });
  }

  async deleteById(id: Types.ObjectId): Promise<void> {
    await this.users.deleteOne({ _id: id });
  }
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'organization';
}
