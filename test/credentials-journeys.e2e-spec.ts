import { getConnectionToken } from '@nestjs/mongoose';
import { importJWK, jwtVerify } from 'jose';
import type { Connection } from 'mongoose';
import { REDISCLOSURE_NOTICE } from '../modules/identity/policy/access-policy';
import { expectData, type TestApp } from './support/app';
import { answerKey, answersFor, assessmentOps } from './support/assessment-operations';
import { credentialOps as ops, daysFromNow, httpGet, pdfText } from './support/credentials-operations';
import { learningOps } from './support/learning-operations';
import { startClinic, type Member, type World } from './support/operations';

/**
 * The definition of done: finishing a course through the API, as a
 * patient, a family member or a staff learner, yields one record, a PDF and a
 * badge, and verifyCompletion confirms it without login and catches a tampered copy.
 */
let t: TestApp;
let w: World;

beforeAll(async () => {
  ({ t, w } = await startClinic());
}, 60000);
afterAll(() => t?.close());

/** Reads every lesson to the end and passes its quiz, in course order, as the learner's app would. */
async function finishCourse(learner: Member, courseSlug: string): Promise<void> {
  for (const lesson of await learningOps.courseLessons(t, learner.token, courseSlug)) {
    expectData(await learningOps.recordLessonProgress(t, learner.token, { lessonId: lesson.id, event: 'COMPLETED' }));
    if (!lesson.quizId) continue;
    const attempt = expectData(await assessmentOps.startQuizAttempt(t, learner.token, lesson.quizId)).startQuizAttempt;
    const graded = expectData(await assessmentOps.submitQuizAttempt(t, learner.token, attempt.id, answersFor(attempt.questions, await answerKey(t, lesson.quizId)))).submitQuizAttempt;
    expect(graded.passed).toBe(true);
  }
}

async function publishedKey() {
  const jwk = JSON.parse((await httpGet(t, '/.well-known/waypoint-signing-key')).body.toString());
  return importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, 'EdDSA');
}

describe.each([
  ['a staff learner', 'staff', 'staff-onboarding', 'Stu Staff'],
  ['a patient', 'patient', 'relapse-prevention-skills', 'Pia Patient'],
  ['a family member', 'family', 'family-dynamics-and-recovery', 'Fay Family'],
] as const)('%s finishing a course', (_label, who, courseSlug, name) => {
  let learner: Member;
  let record: Record<string, any>;

  beforeAll(async () => {
    learner = w[who];
    await finishCourse(learner, courseSlug);
    const nodes = expectData(await ops.myCompletionRecords(t, learner.token)).myCompletionRecords.nodes.filter((r: { courseSlug: string }) => r.courseSlug === courseSlug);
    expect(nodes).toHaveLength(1);
    record = nodes[0];
  });

  it('gets exactly one record, even when the last lesson is reported complete again', async () => {
    const lessons = await learningOps.courseLessons(t, learner.token, courseSlug);
    await Promise.all(Array.from({ length: 5 }, () => learningOps.recordLessonProgress(t, learner.token, { lessonId: lessons[lessons.length - 1].id, event: 'COMPLETED' })));
    const count = await t.app.get<Connection>(getConnectionToken()).collection('completionRecords').countDocuments({ courseSlug, nameAsIssued: name });
    expect(count).toBe(1);
    expect(record).toMatchObject({ nameAsIssued: name, courseSlug, courseVersion: 1, status: 'VALID', credentialType: 'CERTIFICATE_OF_COMPLETION' });
    expect(record.contactHours).toBe(who === 'staff' ? 1.5 : null);
  });

  it('gets a certificate PDF with the verification code', async () => {
    const res = await httpGet(t, new URL(record.certificateUrl).pathname, learner.token);
    expect(res.status).toBe(200);
    const text = await pdfText(res.body);
    expect(text).toContain(record.verificationCode);
    expect(text).toContain(name);
  });

  it('gets an Open Badge that verifies with the published key', async () => {
    const { jwt } = expectData(await ops.completionBadge(t, learner.token, record.id)).completionBadge;
    const { payload } = await jwtVerify(jwt, await publishedKey());
    expect((payload.credentialSubject as Record<string, any>).identifier[0].identityHash).toBe(name);
  });

  it('is confirmed by verifyCompletion without login, and a tampered copy is caught', async () => {
    let code: string = record.verificationCode;
    if (who !== 'staff') {
      // Private by default: the learner shares it first.
      expect(expectData(await ops.verifyCompletion(t, code)).verifyCompletion.status).toBe('UNKNOWN');
      code = expectData(await ops.createCompletionShare(t, learner.token, record.id, daysFromNow(14))).createCompletionShare.shareCode;
    }
    expect(expectData(await ops.verifyCompletion(t, code)).verifyCompletion).toMatchObject({
      status: 'VALID',
      nameAsIssued: name,
      redisclosureNotice: who === 'staff' ? null : REDISCLOSURE_NOTICE,
    });

    const records = t.app.get<Connection>(getConnectionToken()).collection('completionRecords');
    const stored = (await records.findOne({ verificationCode: record.verificationCode }))!;
    await records.updateOne({ _id: stored._id }, { $set: { courseTitle: 'Advanced Course Never Taken' } });
    expect(expectData(await ops.verifyCompletion(t, code)).verifyCompletion.status).toBe('TAMPERED');
    await records.replaceOne({ _id: stored._id }, stored);
  });
});
