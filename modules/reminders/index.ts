/** The reminders module's door: other modules import from here only. */
export { RemindersModule } from './reminders.module';
export { LearnerRemindersService } from './learner-reminders.service';
export { ClinicianDigestService } from './clinician-digest.service';
