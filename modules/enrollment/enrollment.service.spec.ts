import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { Role, type Principal } from '../../src/auth/principal';
import { serviceModule, type ServiceModule } from '../../test/support/service-module';
import { importCurriculum } from '../curriculum';
import { UsersService } from '../identity';
import { EnrollmentModule } from './enrollment.module';
import { EnrollmentService } from './enrollment.service';
import { Enrollment } from './schemas/enrollment.schemas';

let m: ServiceModule;
let service: EnrollmentService;
let enrollments: Model<Enrollment>;
let admin: Principal;
let clinician: Principal;
let outsider: Principal;
let patient: Principal;
let staff: Principal;

const COURSE = 'relapse-prevention-skills';
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  m = await serviceModule([EnrollmentModule]);
  await importCurriculum(m.ref);
  service = m.ref.get(EnrollmentService);
  enrollments = m.ref.get<Model<Enrollment>>(getModelToken(Enrollment.name));
  const users = m.ref.get(UsersService);
  const org = await users.createOrganization(`Service Test ${new Types.ObjectId().toHexString()}`);
  const person = async (role: Role, name: string, careTeam?: Types.ObjectId[]): Promise<Principal> => {
    const u = await users.create({ orgId: org._id, role, displayName: name, email: `${name.replace(/\s/g, '.')}-${new Types.ObjectId().toHexString()}@example.test`, password: PASSWORD, careTeam });
    return { userId: u._id.toHexString(), orgId: org._id.toHexString(), role };
  };
  admin = await person(Role.ADMIN, 'Ada Admin');
  clinician = await person(Role.CLINICIAN, 'Cleo Clinician');
  outsider = await person(Role.CLINICIAN, 'Olive Outside');
  patient = await person(Role.PATIENT, 'Pia Patient', [new Types.ObjectId(clinician.userId)]);
  staff = await person(Role.STAFF, 'Stu Staff');
}, 90000);
afterAll(() => m?.close());

const activeOf = (learner: Principal) => enrollments.find({ learnerId: new Types.ObjectId(learner.userId), courseSlug: COURSE, status: 'ACTIVE' }).lean();

describe('EnrollmentService on a real database', () => {
  it('assigning twice, even at once, leaves one active enrollment carrying the latest terms', async () => {
    await Promise.all([service.assign(clinician, patient.userId, { courseSlug: COURSE, note: 'first' }), service.assign(clinician, patient.userId, { courseSlug: COURSE, note: 'first' })]);
    await service.assign(clinician, patient.userId, { courseSlug: COURSE, dueInDays: 7, note: 'second' });
    const active = await activeOf(patient);
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ note: 'second', source: 'ASSIGNED', assignedBy: new Types.ObjectId(clinician.userId) });
    expect(active[0].dueAt!.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
  });

  it('cancelling keeps the history, and a later assignment starts a new enrollment', async () => {
    const [current] = await activeOf(patient);
    const cancelled = await service.cancel(clinician, current._id.toHexString());
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledBy: new Types.ObjectId(clinician.userId) });
    expect(await activeOf(patient)).toHaveLength(0);
    await service.assign(admin, patient.userId, { courseSlug: COURSE });
    expect(await enrollments.countDocuments({ learnerId: new Types.ObjectId(patient.userId), courseSlug: COURSE })).toBe(2);
  });

  it.each`
    who                              | actor               | learner           | code
    ${'a clinician off the care team'} | ${() => outsider}   | ${() => patient}  | ${'NOT_FOUND'}
    ${'a clinician, for staff'}      | ${() => clinician}  | ${() => staff}    | ${'FORBIDDEN'}
    ${'a learner'}                   | ${() => patient}    | ${() => staff}    | ${'FORBIDDEN'}
  `('$who may not assign ($code)', async ({ actor, learner, code }: { actor: () => Principal; learner: () => Principal; code: string }) => {
    await expect(service.assign(actor(), learner().userId, { courseSlug: 'staff-onboarding' })).rejects.toMatchObject({ code });
  });

  it('a cohort assignment checks every member before writing anything', async () => {
    const cohort = await service.createCohort(admin, `Evening group ${new Types.ObjectId().toHexString()}`, [patient.userId, staff.userId]);
    const before = await enrollments.countDocuments({});
    // A clinician may assign the patient but not the staff member: nothing is written for either.
    await expect(service.assignCohort(clinician, cohort._id.toHexString(), { courseSlug: COURSE })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await enrollments.countDocuments({})).toBe(before);
  });
});
