import { Role } from '../src/auth/principal';
import { RequestContext } from '../src/common/request-context';
import { AuditService, AuditAction } from '../modules/audit';
import { expectData, type TestApp } from './support/app';
import { invited, startClinic, type Member, type World } from './support/operations';

/**
 * The request context: whatever a request writes to the audit trail carries the id the
 * response names in x-request-id, without any service being handed it, and requests
 * running at the same time never borrow each other's id.
 */
let t: TestApp;
let w: World;

beforeAll(async () => {
  ({ t, w } = await startClinic('Request Context Clinic'));
}, 60000);
afterAll(() => t?.close());

/** Reads a client's progress (an audited read) and answers the id the response carried. */
async function readProgress(token: string, learnerId: string, requestId?: string, padding = ''): Promise<string> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(requestId && { 'x-request-id': requestId }) },
    body: JSON.stringify({ query: 'query($id: ID!) { learnerProgress(learnerId: $id) { learner { id } } }', variables: { id: learnerId }, ...(padding && { extensions: { padding } }) }),
  });
  const body = (await res.json()) as { data?: { learnerProgress: { learner: { id: string } } }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return res.headers.get('x-request-id')!;
}

async function progressReads(patientId: string): Promise<Array<{ requestId: string }>> {
  const res = await t.gql(`query($f: AuditEventFilter) { auditEvents(filter: $f, first: 100) { nodes { requestId } } }`, { f: { patientId, action: 'PROGRESS_READ' } }, w.admin.token);
  return expectData(res).auditEvents.nodes;
}

it('an audited read carries the id of the request that made it, as the response names it', async () => {
  const id = await readProgress(w.clinician.token, w.patient.id);
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(await progressReads(w.patient.id)).toEqual([{ requestId: id }]);

  // A caller's own well-formed id is kept end to end, so logs join across services.
  const given = await readProgress(w.clinician.token, w.patient.id, 'gateway-7f3a9c21');
  expect(given).toBe('gateway-7f3a9c21');
  expect((await progressReads(w.patient.id)).map((e) => e.requestId)).toContain('gateway-7f3a9c21');
});

it('keeps the id when the body arrives in many pieces', async () => {
  const id = await readProgress(w.clinician.token, w.patient.id, undefined, 'x'.repeat(600_000));
  expect((await progressReads(w.patient.id)).map((e) => e.requestId)).toContain(id);
});

it('requests running at the same time each keep their own id', async () => {
  const clients: Member[] = [];
  for (let i = 0; i < 6; i++) clients.push(await invited(t, w.clinician, Role.PATIENT, `Client ${i}`));
  // Two rounds per client, all in flight together.
  const ids = await Promise.all([...clients, ...clients].map((c) => readProgress(w.clinician.token, c.id)));
  expect(new Set(ids).size).toBe(ids.length);
  for (const [i, client] of clients.entries()) {
    const recorded = (await progressReads(client.id)).map((e) => e.requestId).sort();
    expect(recorded).toEqual([ids[i], ids[i + clients.length]].sort());
  }
});

it('work outside a request is recorded under its own id, never a request one', async () => {
  const context = t.app.get(RequestContext);
  const audit = t.app.get(AuditService);
  const actor = { orgId: w.orgId, userId: w.admin.id, role: Role.ADMIN };
  let jobId = '';
  await context.run('job-test', async () => {
    jobId = context.requestId;
    await audit.record({ actor, action: AuditAction.ORGANIZATION_SETTINGS_CHANGED, subjectType: 'ORGANIZATION', subjectId: w.orgId, patientId: w.patient.id });
  });
  await audit.record({ actor, action: AuditAction.ORGANIZATION_SETTINGS_CHANGED, subjectType: 'ORGANIZATION', subjectId: w.orgId, patientId: w.patient.id });
  const res = await t.gql(
    `query($f: AuditEventFilter) { auditEvents(filter: $f, first: 10) { nodes { requestId } } }`,
    { f: { patientId: w.patient.id, action: 'ORGANIZATION_SETTINGS_CHANGED' } },
    w.admin.token,
  );
  const recorded = expectData(res).auditEvents.nodes.map((e: { requestId: string }) => e.requestId);
  expect(jobId).toMatch(/^job-test-[0-9a-f-]{36}$/);
  expect(recorded).toEqual(expect.arrayContaining([jobId, expect.stringMatching(/^process-[0-9a-f-]{36}$/)]));
});
