import { Role } from '../../src/auth/principal';
import { UsersService } from '../../modules/identity/users.service';
import { importCurriculum } from '../../modules/curriculum/import-curriculum';
import { Types } from 'mongoose';
import { CompletionRecordsService } from '../../modules/credentials';
import { CoursesService } from '../../modules/curriculum';
import { CONFIDENTIALITY_COURSE } from '../../modules/training';
import { expectData, startTestApp, type TestApp } from './app';

/** One helper per GraphQL operation, so tests read as what a person does. */
export const PASSWORD = 'correct horse battery staple';

const AUTH_FIELDS = 'accessToken refreshToken accessTokenExpiresAt user { id role displayName email organizationId }';

export const ops = {
  login: (t: TestApp, email: string, password: string) =>
    t.gql(`mutation($email: String!, $password: String!) { login(email: $email, password: $password) { ${AUTH_FIELDS} } }`, { email, password }),
  refreshSession: (t: TestApp, refreshToken: string) =>
    t.gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { ${AUTH_FIELDS} } }`, { t: refreshToken }),
  logout: (t: TestApp, refreshToken: string) => t.gql(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: refreshToken }),
  me: (t: TestApp, token?: string) => t.gql(`{ me { id role displayName email organizationId } }`, {}, token),
  createInvite: (t: TestApp, token: string, input: { role: Role; email: string; displayName?: string; patientId?: string }) =>
    t.gql(`mutation($input: CreateInviteInput!) { createInvite(input: $input) { code expiresAt role email } }`, { input }, token),
  acceptInvite: (t: TestApp, input: { code: string; email: string; password: string; displayName: string }) =>
    t.gql(`mutation($input: AcceptInviteInput!) { acceptInvite(input: $input) { ${AUTH_FIELDS} } }`, { input }),
  grantFamilyConsent: (t: TestApp, token: string, input: Record<string, unknown>) =>
    t.gql(
      `mutation($input: GrantFamilyConsentInput!) { grantFamilyConsent(input: $input) { id scopes active method purpose expiresAt expiryEvent rightToRevoke discloserName recipientName patientName signedAt } }`,
      { input },
      token,
    ),
  revokeFamilyConsent: (t: TestApp, token: string, id: string) =>
    t.gql(`mutation($id: ID!) { revokeFamilyConsent(id: $id) { id active revokedAt } }`, { id }, token),
  familyConsents: (t: TestApp, token: string, patientId?: string) =>
    t.gql(`query($p: ID) { familyConsents(patientId: $p) { nodes { id active scopes } redisclosureNotice } }`, { p: patientId }, token),
  patient: (t: TestApp, token: string, id: string) =>
    t.gql(`query($id: ID!) { patient(id: $id) { patient { id displayName email } familyMembers { id } redisclosureNotice } }`, { id }, token),
  users: (t: TestApp, token: string, role?: Role) =>
    t.gql(`query($role: Role) { users(role: $role, first: 50) { nodes { id role displayName } pageInfo { hasNextPage endCursor } } }`, { role }, token),
  auditEvents: (t: TestApp, token: string, filter?: Record<string, unknown>) =>
    t.gql(`query($f: AuditEventFilter) { auditEvents(filter: $f, first: 100) { nodes { id action actorId patientId subjectType at } pageInfo { hasNextPage } } }`, { f: filter }, token),
};

export interface Member {
  id: string;
  email: string;
  token: string;
  refreshToken: string;
  role: Role;
}

export interface World {
  orgId: string;
  admin: Member;
  clinician: Member;
  staff: Member;
  patient: Member;
  family: Member;
}

let counter = 0;
const unique = (label: string) => `${label}-${process.pid}-${++counter}@example.test`;

export interface WorldOptions {
  /**
   * The training gate on client records. Real organizations start gated; test worlds say
   * explicitly that they are not, because the stories they tell are about other rules. The
   * gate's own stories and the authorization matrix pass `gated: true` and train staff with
   * `giveCurrentTraining`.
   */
  gated?: boolean;
}

/** An organization with one person of each role, built through the API as a clinic would. FAMILY is linked, without consent. */
export async function buildWorld(t: TestApp, name = 'Harbor Recovery', options: WorldOptions = {}): Promise<World> {
  const users = t.app.get(UsersService);
  const org = await users.createOrganization(`${name} ${++counter}`);
  if (!options.gated) await users.updateOrganizationSettings(org._id.toHexString(), { trainingGate: { enabled: false } });
  const adminEmail = unique('admin');
  await users.create({ orgId: org._id, email: adminEmail, role: Role.ADMIN, displayName: 'Ada Admin', password: PASSWORD });
  const admin = await signIn(t, adminEmail, Role.ADMIN);
  const clinician = await invited(t, admin, Role.CLINICIAN, 'Cleo Clinician');
  const staff = await invited(t, admin, Role.STAFF, 'Stu Staff');
  const patient = await invited(t, clinician, Role.PATIENT, 'Pia Patient');
  const family = await invited(t, clinician, Role.FAMILY, 'Fay Family', patient.id);
  return { orgId: org._id.toHexString(), admin, clinician, staff, patient, family };
}

export async function signIn(t: TestApp, email: string, role: Role): Promise<Member> {
  const payload = expectData(await ops.login(t, email, PASSWORD)).login;
  return { id: payload.user.id, email, token: payload.accessToken, refreshToken: payload.refreshToken, role };
}

export async function invited(t: TestApp, inviter: Member, role: Role, displayName: string, patientId?: string): Promise<Member> {
  const email = unique(role.toLowerCase());
  const { code } = expectData(await ops.createInvite(t, inviter.token, { role, email, displayName, patientId })).createInvite;
  const payload = expectData(await ops.acceptInvite(t, { code, email, password: PASSWORD, displayName })).acceptInvite;
  return { id: payload.user.id, email, token: payload.accessToken, refreshToken: payload.refreshToken, role };
}

export function consentInput(familyMemberId: string, extra: Record<string, unknown> = {}) {
  return {
    familyMemberId,
    scopes: ['PROGRESS'],
    purpose: 'So my family can support my recovery',
    expiresAt: new Date(Date.now() + 90 * 86400000).toISOString(),
    rightToRevokeAcknowledged: true,
    ...extra,
  };
}

/**
 * Gives a staff member a completion of the confidentiality course dated `at` (default now),
 * as if they had just taken it: what the training gate asks of clinicians and admins.
 * Needs the bundled curriculum imported.
 */
export async function giveCurrentTraining(t: TestApp, member: Member, orgId: string, at = new Date(), courseSlug = CONFIDENTIALITY_COURSE): Promise<void> {
  const course = await t.app.get(CoursesService).currentCourse(courseSlug);
  if (!course) throw new Error(`giveCurrentTraining: import the curriculum first (no course ${courseSlug})`);
  const existing = await t.app.get(CompletionRecordsService).completionsOf(orgId, [new Types.ObjectId(member.id)], [courseSlug]);
  await t.app.get(CompletionRecordsService).issue({ orgId, learnerId: member.id, courseSlug, courseVersion: course.version, completedAt: at, cycle: existing.length + 1 });
}

/** The usual start of a story: the service, the bundled courses, and a clinic with one person of each role. */
export async function startClinic(name?: string, env: Record<string, string> = {}): Promise<{ t: TestApp; w: World }> {
  const t = await startTestApp(env);
  await importCurriculum(t.app);
  return { t, w: await buildWorld(t, name) };
}
