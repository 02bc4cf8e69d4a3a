import type { INestApplicationContext } from '@nestjs/common';
import { Types, type Model } from 'mongoose';
import { getModelToken } from '@nestjs/mongoose';
import { Role } from '../../src/auth/principal';
import { CompletionRecordsService } from '../credentials';
import { CoursesService } from '../curriculum';
import { UsersService } from '../identity';
import { TrainingRequirement } from './schemas/training-requirement.schema';
import { CONFIDENTIALITY_COURSE } from './training.service';

const DEMO_ORG_SLUG = 'demo-clinic';
/** Who in the demo holds current confidentiality training; the untrained clinician does not (identity's demo seed). */
const TRAINED = ['admin@demo.waypoint.test', 'clinician@demo.waypoint.test'];

/**
 * The demo organization's training: a yearly confidentiality requirement for every staff
 * role, and a completion dated today for the admin and the care-team clinician, so the
 * demo shows one clinician who reads client records and one the training gate stops.
 * Runs after the curriculum import and identity's demo seed; safe to run twice.
 */
export async function seedDemoTraining(app: INestApplicationContext): Promise<void> {
  const users = app.get(UsersService);
  const admin = await users.findByEmail(TRAINED[0]);
  const course = await app.get(CoursesService).currentCourse(CONFIDENTIALITY_COURSE);
  if (!admin || !course) return;
  const org = await users.organization(admin.orgId);
  if (org.slug !== DEMO_ORG_SLUG) return;
  const requirements = app.get<Model<TrainingRequirement>>(getModelToken(TrainingRequirement.name));
  await requirements.updateOne(
    { orgId: org._id, courseSlug: CONFIDENTIALITY_COURSE },
    {
      $setOnInsert: {
        name: 'Confidentiality (42 CFR Part 2 and HIPAA), yearly',
        roles: [Role.STAFF, Role.CLINICIAN, Role.ADMIN],
        firstDue: { kind: 'AFTER_START', days: 30 },
        recurrence: { kind: 'MONTHS_AFTER_COMPLETION', months: 12 },
        validityMonths: 12,
        dueSoonDays: 30,
        createdBy: admin._id,
      },
    },
    { upsert: true },
  );
  const records = app.get(CompletionRecordsService);
  for (const email of TRAINED) {
    const person = await users.findByEmail(email);
    if (!person) continue;
    const existing = await records.completionsOf(org._id.toHexString(), [person._id as Types.ObjectId], [CONFIDENTIALITY_COURSE]);
    if (existing.length) continue;
    await records.issue({ orgId: org._id.toHexString(), learnerId: person._id.toHexString(), courseSlug: CONFIDENTIALITY_COURSE, courseVersion: course.version, completedAt: new Date() });
  }
}
