/** The progress module's door: other modules import from here only. */
export { ProgressModule } from './progress.module';
export { ProgressService } from './progress.service';
export { DashboardService, type LearningItem } from './dashboard.service';
export { LearningStatus, toLearningItem } from './models/progress.models';
