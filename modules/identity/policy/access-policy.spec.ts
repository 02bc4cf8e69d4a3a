import { Role, type Principal } from '../../../src/auth/principal';
import { ConsentScope } from '../schemas/consent.schema';
import { activeScopes, ClientAccess, decide, gatedByTraining, Permission, POLICY, type Relation, type SubjectFacts } from './access-policy';

/**
 * The policy table, every permission × every actor, against one patient P. The cases
 * are generated from the policy's own keys, so a new permission without a row here
 * fails the test; the expected answers are written out by hand, independently of the
 * table. A = allowed, F = FORBIDDEN, N = NOT_FOUND, U = UNAUTHENTICATED.
 */
const ACTORS = [
  'anonymous',
  'admin',
  'clinicianOnTeam',
  'clinicianOffTeam',
  'clinicianWithEmergencyAccess',
  'clinicianAllClinicians',
  'staff',
  'patientSelf',
  'otherPatient',
  'familyWithConsent',
  'familyNoConsent',
  'otherOrgAdmin',
] as const;
type Actor = (typeof ACTORS)[number];
type Outcome = 'A' | 'F' | 'N' | 'U';

//                                         anon adm  on  off  emg  all  stf self oPat famC famN oOrg
const row = (cells: string): Outcome[] => cells.trim().split(/\s+/) as Outcome[];
const EXPECTED: Record<Permission, Outcome[]> = {
  [Permission.READ_PROFILE]: row('            U    A    A    N    A    A    N    A    N    A    F    N'),
  [Permission.READ_PROGRESS]: row('           U    A    A    N    A    A    N    A    N    A    F    N'),
  [Permission.READ_COMPLETIONS]: row('        U    A    A    N    A    A    N    A    N    F    F    N'),
  [Permission.READ_SCORES]: row('             U    A    A    N    A    A    N    A    N    F    F    N'),
  [Permission.HOLD_CREDENTIALS]: row('        U    A    N    N    N    N    N    A    N    N    N    N'),
  [Permission.READ_ATTEMPTS]: row('           U    A    A    N    A    A    N    A    N    F    F    N'),
  [Permission.READ_REFLECTIONS]: row('        U    A    A    N    A    A    N    A    N    F    F    N'),
  [Permission.READ_CONSENTS]: row('           U    A    A    N    A    A    N    A    N    F    F    N'),
  [Permission.REVIEW_REFLECTION]: row('       U    A    A    N    A    A    N    F    N    N    N    N'),
  [Permission.ASSIGN_COURSES]: row('          U    A    A    N    F    A    N    F    N    N    N    N'),
  [Permission.GRANT_QUIZ_ATTEMPTS]: row('     U    A    A    N    F    A    N    F    N    N    N    N'),
  [Permission.GRANT_OWN_CONSENT]: row('       U    N    N    N    N    N    N    A    N    N    N    N'),
  [Permission.RECORD_PAPER_CONSENT]: row('    U    A    A    N    F    A    N    F    N    N    N    N'),
  [Permission.REVOKE_CONSENT]: row('          U    A    A    N    F    A    N    A    N    N    N    N'),
  [Permission.REVOKE_COMPLETION_RECORD]: row('U    A    N    N    N    N    N    F    N    N    N    N'),
  [Permission.INVITE_FAMILY_MEMBER]: row('    U    N    A    N    F    A    N    F    N    N    N    N'),
  [Permission.OPEN_EMERGENCY_ACCESS]: row('   U    N    F    A    A    F    N    F    N    N    N    N'),
  [Permission.MANAGE_CARE_TEAM]: row('        U    A    N    N    N    N    N    F    N    N    N    N'),
  [Permission.MANAGE_ACCOUNT_STATUS]: row('   U    A    N    N    N    N    N    F    N    N    N    N'),
  [Permission.UPDATE_PROFILE]: row('          U    A    F    N    F    F    N    A    N    F    F    N'),
  [Permission.DISCHARGE_CLIENT]: row('        U    A    A    N    F    A    N    F    N    N    N    N'),
  [Permission.EXPORT_CLIENT_RECORD]: row('    U    A    A    N    F    A    N    A    N    F    F    N'),
  [Permission.CHANGE_ROLE]: row('             U    A    N    N    N    N    N    F    N    N    N    N'),
  [Permission.INVITE_ADMIN]: row('            U    A    F    F    F    F    F    F    F    F    F    A'),
  [Permission.INVITE_CLINICIAN]: row('        U    A    F    F    F    F    F    F    F    F    F    A'),
  [Permission.INVITE_STAFF]: row('            U    A    F    F    F    F    F    F    F    F    F    A'),
  [Permission.INVITE_PATIENT]: row('          U    F    A    A    A    A    F    F    F    F    F    F'),
  [Permission.LIST_STAFF]: row('              U    A    F    F    F    F    F    F    F    F    F    A'),
  [Permission.READ_STAFF_COMPLIANCE]: row('   U    A    F    F    F    F    F    F    F    F    F    A'),
  [Permission.LIST_ORGANIZATION_RECORDS]: row('U    A    F    F    F    F    F    F    F    F    F    A'),
  [Permission.READ_AUDIT_TRAIL]: row('        U    A    F    F    F    F    F    F    F    F    F    A'),
  [Permission.LIST_EMERGENCY_ACCESS]: row('   U    A    F    F    F    F    F    F    F    F    F    A'),
  [Permission.MANAGE_ORGANIZATION_SETTINGS]: row('U  A    F    F    F    F    F    F    F    F    F    A'),
  [Permission.MANAGE_TRAINING_REQUIREMENTS]: row('U A    F    F    F    F    F    F    F    F    F    A'),
};

const ORG = 'org-1';
const NOW = new Date('2026-06-01T12:00:00Z');
const P = 'patient-1';
const who = (userId: string, role: Role, orgId = ORG): Principal => ({ userId, orgId, role });

const patient = (over: Partial<SubjectFacts> = {}): SubjectFacts => ({
  id: P,
  orgId: ORG,
  role: Role.PATIENT,
  careTeam: ['clin-on'],
  linked: false,
  consentScopes: [],
  clientAccess: ClientAccess.CARE_TEAM,
  ...over,
});

const SCENES: Record<Actor, { viewer?: Principal; subject: SubjectFacts }> = {
  anonymous: { subject: patient() },
  admin: { viewer: who('admin-1', Role.ADMIN), subject: patient() },
  clinicianOnTeam: { viewer: who('clin-on', Role.CLINICIAN), subject: patient() },
  clinicianOffTeam: { viewer: who('clin-off', Role.CLINICIAN), subject: patient() },
  clinicianWithEmergencyAccess: { viewer: who('clin-off', Role.CLINICIAN), subject: patient({ emergencyUntil: new Date(NOW.getTime() + 60_000) }) },
  clinicianAllClinicians: { viewer: who('clin-off', Role.CLINICIAN), subject: patient({ clientAccess: ClientAccess.ALL_CLINICIANS }) },
  staff: { viewer: who('staff-1', Role.STAFF), subject: patient() },
  patientSelf: { viewer: who(P, Role.PATIENT), subject: patient() },
  otherPatient: { viewer: who('patient-2', Role.PATIENT), subject: patient() },
  familyWithConsent: { viewer: who('family-1', Role.FAMILY), subject: patient({ linked: true, consentScopes: [ConsentScope.PROGRESS] }) },
  familyNoConsent: { viewer: who('family-1', Role.FAMILY), subject: patient({ linked: true }) },
  otherOrgAdmin: { viewer: who('admin-2', Role.ADMIN, 'org-2'), subject: patient() },
};

const CODES: Record<Outcome, string> = { A: 'ALLOWED', F: 'FORBIDDEN', N: 'NOT_FOUND', U: 'UNAUTHENTICATED' };
const cases = (Object.keys(POLICY) as Permission[]).flatMap((permission) => ACTORS.map((actor, i) => [permission, actor, CODES[EXPECTED[permission][i]]] as const));

describe('access policy: every permission × every actor', () => {
  it('has a full row for every permission', () => {
    for (const permission of Object.values(Permission)) expect(EXPECTED[permission]).toHaveLength(ACTORS.length);
  });

  it.each(cases)('%s by %s → %s', (permission, actor, expected) => {
    const { viewer, subject } = SCENES[actor];
    const decision = decide(viewer, permission, subject, NOW);
    expect(decision.allowed ? 'ALLOWED' : decision.code).toBe(expected);
  });

  it('an expired emergency window grants nothing', () => {
    const decision = decide(who('clin-off', Role.CLINICIAN), Permission.READ_PROGRESS, patient({ emergencyUntil: new Date(NOW.getTime() - 1) }), NOW);
    expect(decision.allowed ? 'ALLOWED' : decision.code).toBe('NOT_FOUND');
  });

  it.each`
    actor                             | audited
    ${'admin'}                        | ${true}
    ${'clinicianOnTeam'}              | ${true}
    ${'clinicianWithEmergencyAccess'} | ${true}
    ${'familyWithConsent'}            | ${true}
    ${'patientSelf'}                  | ${false}
  `('reads by $actor are audited: $audited', ({ actor, audited }: { actor: Actor; audited: boolean }) => {
    const { viewer, subject } = SCENES[actor];
    const decision = decide(viewer, Permission.READ_PROGRESS, subject, NOW);
    expect(decision.allowed && decision.audited).toBe(audited);
  });

  it('an admin reading a staff member is not audited (not a clinical record); a clinician may not', () => {
    const staff = patient({ id: 'staff-9', role: Role.STAFF, careTeam: [] });
    const byAdmin = decide(who('admin-1', Role.ADMIN), Permission.READ_PROGRESS, staff, NOW);
    expect(byAdmin.allowed && byAdmin.audited).toBe(false);
    expect(byAdmin.allowed).toBe(true);
    const byClinician = decide(who('clin-on', Role.CLINICIAN), Permission.READ_PROGRESS, staff, NOW);
    expect(byClinician.allowed ? 'ALLOWED' : byClinician.code).toBe('FORBIDDEN');
  });

  it.each`
    actor                             | permission                       | gated
    ${'admin'}                        | ${Permission.READ_REFLECTIONS}   | ${true}
    ${'clinicianOnTeam'}              | ${Permission.READ_PROGRESS}      | ${true}
    ${'clinicianAllClinicians'}       | ${Permission.READ_CONSENTS}      | ${true}
    ${'clinicianWithEmergencyAccess'} | ${Permission.READ_PROGRESS}      | ${false}
    ${'familyWithConsent'}            | ${Permission.READ_PROGRESS}      | ${false}
    ${'patientSelf'}                  | ${Permission.READ_REFLECTIONS}   | ${false}
    ${'clinicianOnTeam'}              | ${Permission.REVIEW_REFLECTION}  | ${false}
  `('the training gate: $permission by $actor is gated: $gated', ({ actor, permission, gated }: { actor: Actor; permission: Permission; gated: boolean }) => {
    const { viewer, subject } = SCENES[actor];
    const decision = decide(viewer, permission, subject, NOW);
    expect(decision.allowed).toBe(true);
    expect(gatedByTraining(POLICY[permission], decision.relation as Relation, subject.role)).toBe(gated);
  });

  it("the training gate leaves a colleague's (staff) records alone", () => {
    expect(gatedByTraining(POLICY[Permission.READ_PROGRESS], 'ADMIN', Role.STAFF)).toBe(false);
  });

  it('never gives family reflections, attempts or consents, whatever the consent', () => {
    const subject = patient({ linked: true, consentScopes: Object.values(ConsentScope) });
    for (const permission of [Permission.READ_REFLECTIONS, Permission.READ_ATTEMPTS, Permission.READ_CONSENTS]) {
      expect(decide(who('family-1', Role.FAMILY), permission, subject, NOW).allowed).toBe(false);
    }
    const progress = decide(who('family-1', Role.FAMILY), Permission.READ_PROGRESS, subject, NOW);
    expect(progress.allowed && progress.redisclosure).toBe(true);
  });
});

describe('activeScopes', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  it.each`
    case                 | consent                                                                         | expected
    ${'open-ended'}      | ${{ scopes: [ConsentScope.PROGRESS] }}                                          | ${[ConsentScope.PROGRESS]}
    ${'not yet expired'} | ${{ scopes: [ConsentScope.PROGRESS], expiresAt: new Date('2026-07-01') }}       | ${[ConsentScope.PROGRESS]}
    ${'expired'}         | ${{ scopes: [ConsentScope.PROGRESS], expiresAt: new Date('2026-05-31') }}       | ${[]}
    ${'revoked'}         | ${{ scopes: [ConsentScope.PROGRESS], revokedAt: new Date('2026-05-01') }}       | ${[]}
  `('$case consent grants $expected', ({ consent, expected }) => {
    expect(activeScopes([consent], now)).toEqual(expected);
  });
});
