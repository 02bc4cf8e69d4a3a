import { Role } from '../src/auth/principal';
import { errorCode, expectData, startTestApp, type TestApp } from './support/app';
import { learningOps as learning } from './support/learning-operations';
import { buildWorld, consentInput, invited, ops, type World } from './support/operations';

const MY_DISCLOSURES = `query($first: Int, $after: String) {
  myDisclosures(first: $first, after: $after) { nodes { id at recipient recipientName records } pageInfo { hasNextPage endCursor } }
}`;

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
});
afterAll(() => t?.close());

describe('myDisclosures: a patient sees who outside the care team saw their records', () => {
  it('lists each read by a consented family member, with their name and what they saw, and not the care team’s reads', async () => {
    expectData(await ops.grantFamilyConsent(t, w.patient.token, consentInput(w.family.id)));
    expectData(await learning.learnerProgress(t, w.family.token, w.patient.id));
    expectData(await learning.learnerProgress(t, w.family.token, w.patient.id));
    expectData(await learning.learnerProgress(t, w.clinician.token, w.patient.id)); // care team: audited, but not a disclosure

    const { nodes } = expectData(await t.gql(MY_DISCLOSURES, {}, w.patient.token)).myDisclosures;
    expect(nodes).toHaveLength(2);
    expect(nodes[0]).toMatchObject({ recipient: 'FAMILY_MEMBER', recipientName: 'Fay Family', records: 'PROGRESS' });
    expect(new Date(nodes[0].at).getTime()).toBeGreaterThanOrEqual(new Date(nodes[1].at).getTime());
  });

  it('pages newest first', async () => {
    const first = expectData(await t.gql(MY_DISCLOSURES, { first: 1 }, w.patient.token)).myDisclosures;
    expect(first.nodes).toHaveLength(1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = expectData(await t.gql(MY_DISCLOSURES, { first: 1, after: first.pageInfo.endCursor }, w.patient.token)).myDisclosures;
    expect(second.nodes[0].id).not.toBe(first.nodes[0].id);
  });

  it.each([
    ['family member', () => w.family.token],
    ['clinician', () => w.clinician.token],
    ['staff', () => w.staff.token],
  ])('is only for patients: a %s is refused', async (_who, token) => {
    expect(errorCode(await t.gql(MY_DISCLOSURES, {}, token()))).toBe('FORBIDDEN');
  });

  it('the patient sees their linked family members, to grant or revoke consent', async () => {
    const overview = expectData(await ops.patient(t, w.patient.token, w.patient.id)).patient;
    expect(overview.familyMembers.map((f: { id: string }) => f.id)).toEqual([w.family.id]);
  });

  it('another patient sees none of this patient’s history', async () => {
    const other = await invited(t, w.clinician, Role.PATIENT, 'Other Patient');
    expect(expectData(await t.gql(MY_DISCLOSURES, {}, other.token)).myDisclosures.nodes).toEqual([]);
  });
});
