/** The enrollment module's door: other modules import from here only. */
export { EnrollmentModule } from './enrollment.module';
export { EnrollmentService } from './enrollment.service';
export { toEnrollmentView, type EnrollmentView } from './views';
