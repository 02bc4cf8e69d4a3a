/** The enrollment module's door: other modules import from here only. */
export { EnrollmentModule } from './enrollment.module';
export { EnrollmentService, type CountedLesson } from './enrollment.service';
export type { CompletedLesson } from './schemas/enrollment.schemas';
export { toEnrollmentView, type EnrollmentView } from './views';
