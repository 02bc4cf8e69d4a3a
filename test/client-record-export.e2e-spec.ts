import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Role } from '../src/auth/principal';
import { AuditEvent } from '../modules/audit/schemas/audit-event.schema';
import { CompletionRecordsService } from '../modules/credentials';
import { errorCode, expectData, type TestApp } from './support/app';
import { answerKey, answersFor, assessmentOps } from './support/assessment-operations';
import { pdfText } from './support/credentials-operations';
import { learningOps } from './support/learning-operations';
import { consentInput, invited, ops, startClinic, type Member, type World } from './support/operations';

const COURSE = 'relapse-prevention-skills';
const REFLECTION = 'Friday evenings after work are when the cravings hit hardest.';
const EXPORT = 'generatedAt document certificates { recordId fileName pdfBase64 }';

interface ExportedCertificate {
  recordId: string;
  fileName: string;
  pdfBase64: string;
}

const exportRecord = (t: TestApp, token: string, id: string) => t.gql(`query($id: ID!) { exportClientRecord(id: $id) { ${EXPORT} } }`, { id }, token);

let t: TestApp;
let w: World;
let recordId: string;

beforeAll(async () => {
  ({ t, w } = await startClinic('Export Clinic'));
  // The patient's year in the program: an assigned course, a lesson read, a quiz taken, a reflection, a consent, a certificate.
  expectData(await learningOps.assignCourse(t, w.clinician.token, { learnerId: w.patient.id, courseSlug: COURSE }));
  const [lesson] = await learningOps.courseLessons(t, w.patient.token, COURSE);
  expectData(await learningOps.recordLessonProgress(t, w.patient.token, { lessonId: lesson.id, event: 'COMPLETED' }));
  const attempt = expectData(await assessmentOps.startQuizAttempt(t, w.patient.token, lesson.quizId!)).startQuizAttempt;
  expectData(await assessmentOps.submitQuizAttempt(t, w.patient.token, attempt.id, answersFor(attempt.questions, await answerKey(t, lesson.quizId!))));
  const prompts = expectData(await t.gql(`query($id: ID!) { lesson(id: $id) { reflectionPrompts { id } } }`, { id: lesson.id }, w.patient.token)).lesson.reflectionPrompts;
  expectData(await assessmentOps.submitReflection(t, w.patient.token, { lessonId: lesson.id, promptId: prompts[0].id, text: REFLECTION }));
  expectData(await ops.grantFamilyConsent(t, w.patient.token, consentInput(w.family.id)));
  // The family member looks at the progress the consent covers: a disclosure.
  expectData(await learningOps.learnerProgress(t, w.family.token, w.patient.id));
  recordId = (await t.app.get(CompletionRecordsService).issue({ orgId: w.orgId, learnerId: w.patient.id, courseSlug: 'understanding-addiction', courseVersion: 1, completedAt: new Date() })).id;
}, 60000);
afterAll(() => t?.close());

describe('exportClientRecord', () => {
  it('gives the patient their whole record as one document, with their certificate as a PDF', async () => {
    const exported = expectData(await exportRecord(t, w.patient.token, w.patient.id)).exportClientRecord;
    const document = JSON.parse(exported.document);
    expect(document.client).toMatchObject({ id: w.patient.id, displayName: 'Pia Patient' });
    expect(document.progress).toEqual(expect.arrayContaining([expect.objectContaining({ courseSlug: COURSE, readCompletedAt: expect.any(String) })]));
    expect(document.quizAttempts).toEqual([expect.objectContaining({ courseSlug: COURSE, number: 1, status: 'SUBMITTED', passed: true })]);
    expect(document.reflections).toEqual([expect.objectContaining({ courseSlug: COURSE, text: REFLECTION })]);
    expect(document.consents).toEqual([expect.objectContaining({ recipientName: 'Fay Family', scopes: ['PROGRESS'], signedByName: 'Pia Patient' })]);
    expect(document.disclosures).toEqual([expect.objectContaining({ recipient: 'FAMILY_MEMBER', recipientName: 'Fay Family', records: 'PROGRESS' })]);
    expect(document.certificates).toEqual([expect.objectContaining({ id: recordId, nameAsIssued: 'Pia Patient', pdf: `certificate-${recordId}.pdf` })]);
    // Never the answer key.
    expect(exported.document).not.toMatch(/"correct|questions"/);

    expect(exported.certificates).toHaveLength(1);
    const certificate: ExportedCertificate = exported.certificates[0];
    expect(certificate).toMatchObject({ recordId, fileName: `certificate-${recordId}.pdf` });
    const pdf = Buffer.from(certificate.pdfBase64, 'base64');
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(await pdfText(pdf)).toContain('Pia Patient');
  });

  it('lets the care-team clinician export it (audited), with the completions but without the certificate PDFs, which are the client’s to hold', async () => {
    const exported = expectData(await exportRecord(t, w.clinician.token, w.patient.id)).exportClientRecord;
    const document = JSON.parse(exported.document);
    expect(document.reflections).toEqual([expect.objectContaining({ text: REFLECTION })]);
    expect(document.certificates).toEqual([expect.objectContaining({ id: recordId })]);
    expect(exported.certificates).toEqual([]);
  });

  let offTeam: Member;
  let otherPatient: Member;
  beforeAll(async () => {
    offTeam = await invited(t, w.admin, Role.CLINICIAN, 'Otto Offteam');
    otherPatient = await invited(t, w.clinician, Role.PATIENT, 'Oli Other');
  });

  it.each([
    ['a clinician off the care team', () => offTeam.token, 'NOT_FOUND'],
    ['another patient', () => otherPatient.token, 'NOT_FOUND'],
    ['a linked family member, even with consent', () => w.family.token, 'FORBIDDEN'],
    ['a staff member', () => w.staff.token, 'FORBIDDEN'],
  ])('refuses %s', async (_who, token, code) => {
    const res = await exportRecord(t, token(), w.patient.id);
    expect(errorCode(res)).toBe(code);
    expect(res.data?.exportClientRecord ?? null).toBeNull();
  });

  it('puts every export in the audit trail, the patient’s own included, without the record’s contents', async () => {
    const events = expectData(await ops.auditEvents(t, w.admin.token, { action: 'CLIENT_RECORD_EXPORTED', patientId: w.patient.id })).auditEvents.nodes;
    expect(events).toHaveLength(2);
    expect(events.map((e: { actorId: string }) => e.actorId).sort()).toEqual([w.patient.id, w.clinician.id].sort());
    const stored = await t.app.get<Model<AuditEvent>>(getModelToken(AuditEvent.name)).find({ action: 'CLIENT_RECORD_EXPORTED' }).lean();
    expect(stored[0].detail).toMatchObject({ reflections: 1, quizAttempts: 1, certificates: 1 });
    expect(JSON.stringify(stored)).not.toContain('Friday evenings');
  });
});
