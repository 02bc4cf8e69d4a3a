import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { Role, type Principal } from '../../src/auth/principal';
import { DomainError } from '../../src/common/errors';
import { serviceModule, type ServiceModule } from '../../test/support/service-module';
import { AuditAction } from './audit-action';
import { AuditModule } from './audit.module';
import { AuditService } from './audit.service';
import { AuditEvent } from './schemas/audit-event.schema';

let m: ServiceModule;
let audit: AuditService;
const orgId = new Types.ObjectId().toHexString();
const admin: Principal = { userId: new Types.ObjectId().toHexString(), orgId, role: Role.ADMIN };
const clinician: Principal = { userId: new Types.ObjectId().toHexString(), orgId, role: Role.CLINICIAN };
const patientA = new Types.ObjectId().toHexString();
const patientB = new Types.ObjectId().toHexString();

beforeAll(async () => {
  m = await serviceModule([AuditModule]);
  audit = m.ref.get(AuditService);
  const event = (actor: Principal, action: AuditAction, patientId: string) => ({ actor, action, subjectType: 'PROGRESS', subjectId: patientId, patientId });
  await audit.record(event(clinician, AuditAction.PROGRESS_READ, patientA));
  await audit.recordMany([event(clinician, AuditAction.REFLECTION_READ, patientA), event(admin, AuditAction.PROGRESS_READ, patientB)]);
  await audit.record(event(admin, AuditAction.CASELOAD_READ, patientA));
}, 60000);
afterAll(() => m?.close());

describe('AuditService on a real database', () => {
  it('lists newest first, a page at a time, with every event exactly once', async () => {
    const first = await audit.list(orgId, {}, 3);
    expect(first.nodes.map((e) => e.action)).toEqual(['CASELOAD_READ', 'PROGRESS_READ', 'REFLECTION_READ']);
    expect(first.hasNextPage).toBe(true);
    const second = await audit.list(orgId, {}, 3, first.endCursor);
    expect(second.nodes.map((e) => e.action)).toEqual(['PROGRESS_READ']);
    expect(second.hasNextPage).toBe(false);
    const ids = [...first.nodes, ...second.nodes].map((e) => e._id.toHexString());
    expect(new Set(ids).size).toBe(4);
  });

  it('filters by actor, patient and action, and never shows another organization', async () => {
    expect((await audit.list(orgId, { actorId: clinician.userId }, 10)).nodes).toHaveLength(2);
    expect((await audit.list(orgId, { patientId: patientB }, 10)).nodes.map((e) => e.actorRole)).toEqual([Role.ADMIN]);
    expect((await audit.list(orgId, { action: AuditAction.PROGRESS_READ }, 10)).nodes).toHaveLength(2);
    expect((await audit.list(new Types.ObjectId().toHexString(), {}, 10)).nodes).toEqual([]);
  });

  it('answers a tampered cursor with BAD_USER_INPUT', async () => {
    await expect(audit.list(orgId, {}, 2, Buffer.from('nonsense').toString('base64url'))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' } satisfies Partial<DomainError>);
  });

  it('refuses to change or delete an event', async () => {
    const events = m.ref.get<Model<AuditEvent>>(getModelToken(AuditEvent.name));
    const [one] = (await audit.list(orgId, {}, 1)).nodes;
    await expect(events.updateOne({ _id: one._id }, { $set: { action: 'EDITED' } })).rejects.toThrow(/append-only/);
    await expect(events.deleteOne({ _id: one._id })).rejects.toThrow(/append-only/);
    expect((await events.findById(one._id).lean())?.action).toBe(one.action);
  });
});
