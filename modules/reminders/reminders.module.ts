import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AssessmentModule } from '../assessment';
import { CurriculumModule } from '../curriculum';
import { EnrollmentModule } from '../enrollment';
import { IdentityModule } from '../identity';
import { MessagingModule } from '../messaging';
import { ProgressModule } from '../progress';
import { ClinicianDigestService } from './clinician-digest.service';
import { LearnerRemindersService } from './learner-reminders.service';
import { ReminderJobs } from './reminder-jobs';
import { ReminderLogService } from './reminder-log.service';
import { ReminderLog, ReminderLogSchema } from './schemas/reminder-log.schema';

/**
 * Scheduled mail: learners' due-soon and overdue reminders and the clinicians' weekly
 * digest. It only reads other modules (through their doors) and writes through
 * MessagingService; nothing depends on it.
 */
@Module({
  imports: [
    IdentityModule,
    CurriculumModule,
    EnrollmentModule,
    ProgressModule,
    AssessmentModule,
    MessagingModule,
    MongooseModule.forFeature([{ name: ReminderLog.name, schema: ReminderLogSchema }]),
  ],
  providers: [ReminderLogService, LearnerRemindersService, ClinicianDigestService, ReminderJobs],
  exports: [LearnerRemindersService, ClinicianDigestService],
})
export class RemindersModule {}
