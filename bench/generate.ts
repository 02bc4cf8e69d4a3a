/**
 * The benchmark dataset: organizations with admins, clinicians and their
 * caseloads (patients and linked family members), staff; enrollments in the
 * bundled courses; lesson progress; submitted quiz attempts for passed quizzes;
 * signed completion records for completed courses. Deterministic for a seed,
 * written with bulk `insertMany` through the native driver.
 *
 * Expects the curriculum to be imported already (the runner does it), since
 * enrollments and progress refer to the current course versions.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { Db, Document, ObjectId } from 'mongodb';
import { Role } from '../src/auth/principal';
import { hashPassword } from '../modules/identity/passwords';
import { CredentialType } from '../modules/credentials/schemas/completion-record.schema';
import { newCode } from '../modules/credentials/verification-code';
import { canonicalBytes, signedFieldsOf } from '../modules/credentials/signing/signed-record';
import { signBytes, signingKeyFromPem } from '../modules/credentials/signing/signing-key';
import { IdSource, Prng } from './prng';

export const BENCH_PASSWORD = 'bench password that is long enough';
/** Generation time is fixed, so the same seed gives the same documents on any day. */
export const DATA_EPOCH = new Date('2026-06-01T00:00:00.000Z');
const DAY = 86_400_000;

/** Each clinician's caseload: enough for a full page of 50 with a next page. */
export const PATIENTS_PER_CLINICIAN = 45;
export const FAMILY_PER_CLINICIAN = 15;
const MAX_LEARNERS_PER_ORG = 5000;
const CHUNK = 1000;
/**
 * Chunks written without waiting for the previous ones: the engine inserts one while
 * this process builds and encodes the next (nothing here reads what it has written).
 */
const IN_FLIGHT = 4;

export interface GenerateOptions {
  learners: number;
  seed?: number;
  signingKeyPem: string;
  log?: (line: string) => void;
}

/** What the scenarios need from the generated data (all from the first organization). */
export interface Fixture {
  learners: number;
  orgId: string;
  adminId: string;
  clinicianId: string;
  /** A patient with several enrollments and progress (myLearning, lesson, recordLessonProgress). */
  patientId: string;
  /** A lesson of one of the patient's courses, for `lesson` and `recordLessonProgress`. */
  lessonId: string;
  counts: Record<string, number>;
}

interface CourseInfo {
  slug: string;
  version: number;
  title: string;
  audiences: string[];
  contactHours?: number;
  ceApproval?: { approvingBody: string; providerNumber: string; statement: string };
  lessons: Array<{ slug: string; lessonId: ObjectId; required: boolean; quizId?: ObjectId }>;
}

interface QuizInfo {
  _id: ObjectId;
  settings: { passingScore: number; maxAttempts: number; gradingMethod: string; cooldownMinutes: number; showFeedback: boolean };
  questions: Array<{ id: string; kind: string; prompt: string; options: Array<{ id: string; text: string; correct: boolean }>; rationale: string }>;
}

/** Writes documents in chunks and reports progress (a bar on a TTY, plain lines otherwise). */
class BulkWriter {
  private readonly buffers = new Map<string, Document[]>();
  private readonly inFlight: Promise<void>[] = [];
  private failure: unknown;
  readonly counts: Record<string, number> = {};
  private done = 0;
  private lastLine = -1;
  private readonly bar?: SingleBar;

  constructor(
    private readonly db: Db,
    private readonly total: number,
    private readonly log: (line: string) => void,
  ) {
    if (process.stderr.isTTY) {
      this.bar = new SingleBar({ format: 'generate [{bar}] {percentage}% | {value}/{total} learners | {eta}s', stream: process.stderr }, Presets.shades_classic);
      this.bar.start(total, 0);
    }
  }

  async add(collection: string, doc: Document): Promise<void> {
    let buffer = this.buffers.get(collection);
    if (!buffer) this.buffers.set(collection, (buffer = []));
    buffer.push(doc);
    if (buffer.length >= CHUNK) await this.flush(collection);
  }

  /** Sends the buffered chunks; without a collection (at the end), also waits for every chunk sent. */
  async flush(collection?: string): Promise<void> {
    for (const name of collection ? [collection] : [...this.buffers.keys()]) {
      const docs = this.buffers.get(name) ?? [];
      if (docs.length === 0) continue;
      this.buffers.set(name, []);
      const write = this.db
        .collection(name)
        .insertMany(docs, { ordered: false })
        .then(
          () => {
            this.counts[name] = (this.counts[name] ?? 0) + docs.length;
          },
          (error: unknown) => {
            this.failure ??= error;
          },
        );
      this.inFlight.push(write);
      if (this.inFlight.length >= IN_FLIGHT) await this.inFlight.shift();
    }
    if (!collection) await Promise.all(this.inFlight.splice(0));
    if (this.failure) throw this.failure;
  }

  learnerDone(): void {
    this.done++;
    if (this.bar) {
      if (this.done % 100 === 0 || this.done === this.total) this.bar.update(this.done);
      return;
    }
    const tenth = Math.floor((this.done * 10) / this.total);
    if (tenth !== this.lastLine) {
      this.lastLine = tenth;
      this.log(`generate: ${this.done}/${this.total} learners`);
    }
  }

  stop(): void {
    this.bar?.stop();
  }
}

export async function generate(db: Db, options: GenerateOptions): Promise<Fixture> {
  const seed = options.seed ?? 42;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const rng = new Prng(seed);
  const ids = new IdSource(seed);
  const key = signingKeyFromPem(options.signingKeyPem);
  const passwordHash = await hashPassword(BENCH_PASSWORD); // one hash for everyone: argon2 per user would dominate

  const courses = await loadCourses(db);
  const quizzes = new Map((await db.collection<QuizInfo>('quizzes').find({}, { projection: { settings: 1, questions: 1 } }).toArray()).map((q) => [q._id.toHexString(), q]));
  const byAudience = (audience: string) => courses.filter((c) => c.audiences.includes(audience));
  const coursesFor: Record<string, CourseInfo[]> = { PATIENT: byAudience('PATIENT'), FAMILY: byAudience('FAMILY'), STAFF: byAudience('STAFF') };
  for (const [audience, list] of Object.entries(coursesFor)) if (list.length === 0) throw new Error(`no current course for ${audience}: import the curriculum first`);

  const writer = new BulkWriter(db, options.learners, log);
  const perOrg = Math.min(options.learners, MAX_LEARNERS_PER_ORG);
  const orgCount = Math.ceil(options.learners / perOrg);
  let emailCounter = 0;
  let fixture: Omit<Fixture, 'counts' | 'learners'> | undefined;

  for (let o = 0; o < orgCount; o++) {
    const learnersHere = Math.min(perOrg, options.learners - o * perOrg);
    const org = { _id: ids.next(), name: `Bench Recovery ${o + 1}`, slug: `bench-recovery-${o + 1}`, timeZone: 'America/New_York', createdAt: DATA_EPOCH, updatedAt: DATA_EPOCH };
    await writer.add('organizations', org);
    const user = (role: Role, displayName: string, extra: Document = {}): Document => ({
      _id: ids.next(),
      orgId: org._id,
      email: `bench-${role.toLowerCase()}-${++emailCounter}@bench.example`,
      role,
      displayName,
      passwordHash,
      createdAt: DATA_EPOCH,
      updatedAt: DATA_EPOCH,
      ...extra,
    });
    const admins = [user(Role.ADMIN, `Admin ${o + 1}-1`), user(Role.ADMIN, `Admin ${o + 1}-2`)];
    for (const a of admins) await writer.add('users', a);

    const clientsPerClinician = PATIENTS_PER_CLINICIAN + FAMILY_PER_CLINICIAN;
    const clinicianCount = Math.max(1, Math.round((learnersHere * 0.8) / clientsPerClinician));
    const staffCount = Math.max(0, learnersHere - clinicianCount * clientsPerClinician);
    let firstPatient: Document | undefined;
    let firstClinician: Document | undefined;

    const learner = async (doc: Document, assigner: Document) => {
      await writer.add('users', doc);
      await writeLearning(doc, assigner);
      writer.learnerDone();
    };

    // Staff first (their ids come first, like an organization that hired before it treated).
    for (let s = 0; s < staffCount; s++) {
      const hiredAt = new Date(DATA_EPOCH.getTime() - rng.int(0, 400) * DAY);
      await learner(user(Role.STAFF, `Staff ${o + 1}-${s + 1}`, { hiredAt }), admins[0]);
    }
    for (let c = 0; c < clinicianCount; c++) {
      const clinician = user(Role.CLINICIAN, `Clinician ${o + 1}-${c + 1}`);
      firstClinician ??= clinician;
      await writer.add('users', clinician);
      // Interleave patients and family so a caseload page holds both roles.
      const patients: Document[] = [];
      let fam = 0;
      for (let p = 0; p < PATIENTS_PER_CLINICIAN; p++) {
        const patient = user(Role.PATIENT, `Patient ${o + 1}-${c + 1}-${p + 1}`, { careTeam: [clinician._id] });
        firstPatient ??= patient;
        patients.push(patient);
        await learner(patient, clinician);
        if (p % 3 === 2 && fam < FAMILY_PER_CLINICIAN) {
          const family = user(Role.FAMILY, `Family ${o + 1}-${c + 1}-${++fam}`, { careTeam: [clinician._id] });
          await learner(family, clinician);
          await writer.add('familyLinks', {
            _id: ids.next(),
            orgId: org._id,
            patientId: rng.pick(patients)._id,
            familyMemberId: family._id,
            relationship: rng.pick(['parent', 'partner', 'sibling', 'child']),
            createdAt: DATA_EPOCH,
            updatedAt: DATA_EPOCH,
          });
        }
      }
    }
    if (o === 0) {
      const patientCourse = coursesFor.PATIENT[0];
      fixture = {
        orgId: org._id.toHexString(),
        adminId: admins[0]._id.toHexString(),
        clinicianId: firstClinician!._id.toHexString(),
        patientId: firstPatient!._id.toHexString(),
        lessonId: patientCourse.lessons[patientCourse.lessons.length - 1].lessonId.toHexString(),
      };
    }

    async function writeLearning(person: Document, assigner: Document): Promise<void> {
      const role = person.role as Role;
      const available = coursesFor[role];
      const chosen = available.filter((_, i) => i === 0 || rng.chance(0.75));
      // The fixture patient takes every patient course: a dashboard with several items.
      const isFixture = o === 0 && role === Role.PATIENT && firstPatient !== undefined && (firstPatient._id as ObjectId).equals(person._id as ObjectId);
      for (const course of isFixture ? available : chosen) {
        const assigned = role === Role.STAFF || rng.chance(0.6);
        const createdAt = new Date(DATA_EPOCH.getTime() - rng.int(1, 120) * DAY);
        const dueAt = assigned ? new Date(createdAt.getTime() + rng.int(14, 90) * DAY) : undefined;
        const lessonCount = course.lessons.length;
        const doneLessons = rng.chance(0.25) ? lessonCount : rng.int(0, lessonCount - 1);
        const complete = doneLessons === lessonCount;
        const completedAt = complete ? new Date(createdAt.getTime() + rng.int(1, 30) * DAY) : undefined;
        const scores: number[] = [];
        // The enrollment lists its completed lessons, as the service keeps it (EnrollmentService.countCompletedLesson).
        const lessonsCompleted: Array<{ slug: string; score?: number }> = [];
        for (let i = 0; i < lessonCount; i++) {
          const lesson = course.lessons[i];
          const startedAt = new Date(createdAt.getTime() + (i + 1) * 3_600_000);
          if (i < doneLessons) {
            const quiz = lesson.quizId ? quizzes.get(lesson.quizId.toHexString()) : undefined;
            const score = quiz ? Math.max(quiz.settings.passingScore, Math.round(rng.next() * 20 + 80) / 100) : undefined;
            if (score !== undefined) scores.push(score);
            lessonsCompleted.push({ slug: lesson.slug, ...(score !== undefined && { score }) });
            const lessonDone = new Date(startedAt.getTime() + rng.int(5, 40) * 60_000);
            await writer.add('lessonProgress', {
              _id: ids.next(),
              orgId: org._id,
              learnerId: person._id,
              courseSlug: course.slug,
              lessonSlug: lesson.slug,
              lessonId: lesson.lessonId,
              positionPercent: 100,
              secondsSpent: rng.int(300, 2400),
              startedAt,
              readCompletedAt: lessonDone,
              quizPassed: Boolean(quiz),
              ...(score !== undefined && { quizScore: score }),
              completedAt: lessonDone,
              updatedAt: lessonDone,
              eventIds: [],
            });
            if (quiz) await writer.add('quizAttempts', attemptDoc(person, org._id, course, lesson, quiz, score!, lessonDone));
          } else if (i === doneLessons && rng.chance(0.6)) {
            await writer.add('lessonProgress', {
              _id: ids.next(),
              orgId: org._id,
              learnerId: person._id,
              courseSlug: course.slug,
              lessonSlug: lesson.slug,
              lessonId: lesson.lessonId,
              positionPercent: rng.int(5, 95),
              secondsSpent: rng.int(30, 900),
              startedAt,
              quizPassed: false,
              updatedAt: startedAt,
              eventIds: [],
            });
          }
        }
        await writer.add('enrollments', {
          _id: ids.next(),
          orgId: org._id,
          learnerId: person._id,
          learnerRole: role,
          courseSlug: course.slug,
          source: assigned ? 'ASSIGNED' : 'SELF',
          ...(assigned && { assignedBy: assigner._id, dueAt, note: 'Please finish this before our next session.' }),
          lessonSlugs: [],
          lessonsCompleted,
          status: 'ACTIVE',
          ...(completedAt && { completedAt }),
          createdAt,
          updatedAt: completedAt ?? createdAt,
          __v: 0,
        });
        if (completedAt) {
          const score = scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : undefined;
          await writer.add('completionRecords', completionDoc(person, org, course, completedAt, score));
        }
      }
    }
  }
  await writer.flush();
  writer.stop();
  return { ...fixture!, learners: options.learners, counts: writer.counts };

  function attemptDoc(person: Document, orgId: ObjectId, course: CourseInfo, lesson: CourseInfo['lessons'][number], quiz: QuizInfo, score: number, at: Date): Document {
    return {
      _id: ids.next(),
      orgId,
      learnerId: person._id,
      quizId: quiz._id,
      lessonId: lesson.lessonId,
      courseSlug: course.slug,
      lessonSlug: lesson.slug,
      number: 1,
      seed: rng.int(1, 2 ** 31 - 1),
      settings: {
        passingScore: quiz.settings.passingScore,
        maxAttempts: quiz.settings.maxAttempts,
        gradingMethod: quiz.settings.gradingMethod,
        cooldownMinutes: quiz.settings.cooldownMinutes,
        showFeedback: quiz.settings.showFeedback,
      },
      questions: quiz.questions,
      priorScores: [],
      savedAnswers: [],
      status: 'SUBMITTED',
      score,
      passed: true,
      startedAt: new Date(at.getTime() - 5 * 60_000),
      submittedAt: at,
      __v: 0,
    };
  }

  function completionDoc(person: Document, org: Document, course: CourseInfo, completedAt: Date, score: number | undefined): Document {
    const staff = person.role === Role.STAFF;
    const record = {
      _id: ids.next(),
      orgId: org._id as ObjectId,
      learnerId: person._id as ObjectId,
      learnerRole: person.role as string,
      nameAsIssued: person.displayName as string,
      issuerName: org.name as string,
      timeZone: org.timeZone as string,
      courseSlug: course.slug,
      courseVersion: course.version,
      courseTitle: course.title,
      completedAt,
      issuedAt: completedAt,
      ...(score !== undefined && { score }),
      ...(staff && course.contactHours !== undefined && { contactHours: course.contactHours }),
      ...(staff && course.ceApproval && { ceApproval: course.ceApproval }),
      credentialType: staff && course.ceApproval ? CredentialType.CE_CREDIT : CredentialType.CERTIFICATE_OF_COMPLETION,
      verificationCode: newCode((size) => rng.bytes(size)),
      verifiableByCode: staff,
    };
    return { ...record, signature: signBytes(canonicalBytes(signedFieldsOf(record)), key.privateKey), kid: key.kid };
  }
}

async function loadCourses(db: Db): Promise<CourseInfo[]> {
  const rows = await db
    .collection<CourseInfo & { retiredAt?: Date }>('courses')
    .find({ retiredAt: { $exists: false } }, { projection: { slug: 1, version: 1, title: 1, audiences: 1, contactHours: 1, ceApproval: 1, lessons: 1 } })
    .sort({ slug: 1, version: -1 })
    .toArray();
  const current = new Map<string, CourseInfo>();
  for (const row of rows) if (!current.has(row.slug)) current.set(row.slug, row);
  return [...current.values()];
}

/** `1k`, `10k`, `100k`, or a plain number. */
export function parseSize(text: string): number {
  const match = /^(\d+)(k?)$/i.exec(text.trim());
  if (!match) throw new Error(`not a size: ${text} (use 1k, 10k, 100k or a number)`);
  return Number(match[1]) * (match[2] ? 1000 : 1);
}

export function sizeLabel(learners: number): string {
  return learners % 1000 === 0 ? `${learners / 1000}k` : String(learners);
}
