import { Role, type Principal } from '../../../src/auth/principal';
import { ConsentScope } from '../schemas/consent.schema';
import { activeScopes, decideAccess, RecordPart, type SubjectFacts } from './patient-access';

const org = 'org-1';
const patient: SubjectFacts = { id: 'p1', orgId: org, role: Role.PATIENT };
const staffLearner: SubjectFacts = { id: 's1', orgId: org, role: Role.STAFF };
const viewer = (role: Role, orgId = org, userId = `${role}-viewer`): Principal => ({ userId, orgId, role });
const P = RecordPart;

describe('decideAccess', () => {
  it.each`
    who                          | principal                          | subject         | linked   | scopes                                               | parts                                         | audited
    ${'the patient'}             | ${{ userId: 'p1', orgId: org, role: Role.PATIENT }} | ${patient} | ${false} | ${[]} | ${Object.values(P)} | ${false}
    ${'an admin'}                | ${viewer(Role.ADMIN)}              | ${patient}      | ${false} | ${[]}                                                | ${Object.values(P)}                           | ${true}
    ${'a clinician'}             | ${viewer(Role.CLINICIAN)}          | ${patient}      | ${false} | ${[]}                                                | ${Object.values(P)}                           | ${true}
    ${'a staff learner'}         | ${viewer(Role.STAFF)}              | ${patient}      | ${false} | ${[]}                                                | ${[]}                                         | ${false}
    ${'another patient'}         | ${viewer(Role.PATIENT)}            | ${patient}      | ${false} | ${[]}                                                | ${[]}                                         | ${false}
    ${'unlinked family'}         | ${viewer(Role.FAMILY)}             | ${patient}      | ${false} | ${[ConsentScope.PROGRESS]}                           | ${[]}                                         | ${false}
    ${'linked family, no consent'} | ${viewer(Role.FAMILY)}           | ${patient}      | ${true}  | ${[]}                                                | ${[]}                                         | ${false}
    ${'family with progress consent'} | ${viewer(Role.FAMILY)}        | ${patient}      | ${true}  | ${[ConsentScope.PROGRESS]}                           | ${[P.PROFILE, P.PROGRESS]}                    | ${true}
    ${'family with both scopes'} | ${viewer(Role.FAMILY)}             | ${patient}      | ${true}  | ${[ConsentScope.PROGRESS, ConsentScope.COMPLETIONS]} | ${[P.PROFILE, P.PROGRESS, P.COMPLETIONS]}     | ${true}
    ${'an admin of another org'} | ${viewer(Role.ADMIN, 'org-2')}     | ${patient}      | ${false} | ${[]}                                                | ${[]}                                         | ${false}
    ${'a clinician, staff record'} | ${viewer(Role.CLINICIAN)}        | ${staffLearner} | ${false} | ${[]}                                                | ${[]}                                         | ${false}
    ${'an admin, staff record'}  | ${viewer(Role.ADMIN)}              | ${staffLearner} | ${false} | ${[]}                                                | ${Object.values(P)}                           | ${false}
  `('$who sees $parts (audited: $audited)', ({ principal, subject, linked, scopes, parts, audited }) => {
    const decision = decideAccess(principal, subject, linked, scopes);
    expect([...decision.parts].sort()).toEqual([...parts].sort());
    expect(decision.audited).toBe(audited);
  });

  it('never gives family reflections, attempts or consents, whatever the consent', () => {
    const decision = decideAccess(viewer(Role.FAMILY), patient, true, Object.values(ConsentScope));
    expect(decision.parts.has(P.REFLECTIONS)).toBe(false);
    expect(decision.parts.has(P.ATTEMPTS)).toBe(false);
    expect(decision.redisclosure).toBe(true);
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
