import type { INestApplicationContext } from '@nestjs/common';
import { Role, type Principal } from '../../src/auth/principal';
import { ConsentsService } from './consents.service';
import { InvitesService } from './invites.service';
import { ConsentScope } from './schemas/consent.schema';
import { UsersService } from './users.service';

export const DEMO_PASSWORD = 'waypoint-demo-password';
export const DEMO_ORG_SLUG = 'demo-clinic';

export interface DemoAccount {
  role: Role;
  email: string;
  id: string;
  note?: string;
}

/** A second clinician, on no one's care team: shows NOT_FOUND and emergency access in the demo. */
const OUTSIDE_CLINICIAN = { email: 'clinician-outside@demo.waypoint.test', displayName: 'Morgan Outside', note: "not on the demo clients' care team" };
/**
 * A third, on the demo patient's care team but without the confidentiality training that
 * gates client records (the training module's demo seed trains the admin and the first
 * clinician only): shows the training gate.
 */
export const UNTRAINED_CLINICIAN = {
  email: 'clinician-untrained@demo.waypoint.test',
  displayName: 'Jordan Untrained',
  note: 'on the care team, no confidentiality training yet: meets the training gate',
};

/**
 * A demo organization with one person of each role, built through the same
 * services the API uses (invites, acceptance, consent), so the demo data obeys
 * every rule real data does. Development only; safe to run twice.
 */
export async function seedDemoOrganization(app: INestApplicationContext): Promise<{ created: boolean; accounts: DemoAccount[] }> {
  const users = app.get(UsersService);
  const invites = app.get(InvitesService);
  const consents = app.get(ConsentsService);
  const emails: Record<Role, string> = {
    [Role.ADMIN]: 'admin@demo.waypoint.test',
    [Role.CLINICIAN]: 'clinician@demo.waypoint.test',
    [Role.STAFF]: 'staff@demo.waypoint.test',
    [Role.PATIENT]: 'patient@demo.waypoint.test',
    [Role.FAMILY]: 'family@demo.waypoint.test',
  };
  const existing = await users.findByEmail(emails[Role.ADMIN]);
  if (existing) {
    const accounts: DemoAccount[] = await Promise.all(
      Object.values(Role).map(async (role) => ({ role, email: emails[role], id: (await users.findByEmail(emails[role]))?._id.toHexString() ?? '' })),
    );
    for (const extra of [OUTSIDE_CLINICIAN, UNTRAINED_CLINICIAN]) {
      const found = await users.findByEmail(extra.email);
      if (found) accounts.push({ role: found.role, email: extra.email, id: found._id.toHexString(), note: extra.note });
    }
    return { created: false, accounts };
  }

  const org = await users.createOrganization('Demo Recovery Center', DEMO_ORG_SLUG);
  const admin = await users.create({ orgId: org._id, email: emails[Role.ADMIN], role: Role.ADMIN, displayName: 'Avery Admin', password: DEMO_PASSWORD });
  const asPrincipal = (u: { _id: { toHexString(): string }; role: Role }): Principal => ({ userId: u._id.toHexString(), orgId: org._id.toHexString(), role: u.role });
  const join = async (inviter: Principal, role: Role, displayName: string, patientId?: string) => {
    const { code } = await invites.create(inviter, { role, email: emails[role], displayName, patientId });
    return invites.accept({ code, email: emails[role], password: DEMO_PASSWORD, displayName });
  };
  const clinician = await join(asPrincipal(admin), Role.CLINICIAN, 'Casey Clinician');
  const { code: outsideCode } = await invites.create(asPrincipal(admin), { role: Role.CLINICIAN, email: OUTSIDE_CLINICIAN.email, displayName: OUTSIDE_CLINICIAN.displayName });
  const outside = await invites.accept({ code: outsideCode, email: OUTSIDE_CLINICIAN.email, password: DEMO_PASSWORD, displayName: OUTSIDE_CLINICIAN.displayName });
  const { code: untrainedCode } = await invites.create(asPrincipal(admin), { role: Role.CLINICIAN, email: UNTRAINED_CLINICIAN.email, displayName: UNTRAINED_CLINICIAN.displayName });
  const untrained = await invites.accept({ code: untrainedCode, email: UNTRAINED_CLINICIAN.email, password: DEMO_PASSWORD, displayName: UNTRAINED_CLINICIAN.displayName });
  await join(asPrincipal(admin), Role.STAFF, 'Sam Staff');
  const patient = await join(asPrincipal(clinician), Role.PATIENT, 'Pat Patient');
  await users.addToCareTeam(org._id.toHexString(), patient._id, untrained._id);
  const family = await join(asPrincipal(clinician), Role.FAMILY, 'Frankie Family', patient._id.toHexString());
  await consents.grant(asPrincipal(patient), {
    familyMemberId: family._id.toHexString(),
    scopes: [ConsentScope.PROGRESS, ConsentScope.COMPLETIONS],
    purpose: 'So my family can support my recovery at home',
    expiryEvent: 'When I finish the program',
    rightToRevokeAcknowledged: true,
  });
  const ids: Record<Role, string> = {
    [Role.ADMIN]: admin._id.toHexString(),
    [Role.CLINICIAN]: clinician._id.toHexString(),
    [Role.STAFF]: (await users.findByEmail(emails[Role.STAFF]))!._id.toHexString(),
    [Role.PATIENT]: patient._id.toHexString(),
    [Role.FAMILY]: family._id.toHexString(),
  };
  const accounts: DemoAccount[] = Object.values(Role).map((role) => ({ role, email: emails[role], id: ids[role] }));
  accounts.push({ role: Role.CLINICIAN, email: OUTSIDE_CLINICIAN.email, id: outside._id.toHexString(), note: OUTSIDE_CLINICIAN.note });
  accounts.push({ role: Role.CLINICIAN, email: UNTRAINED_CLINICIAN.email, id: untrained._id.toHexString(), note: UNTRAINED_CLINICIAN.note });
  return { created: true, accounts };
}
