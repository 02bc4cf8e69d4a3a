/** The progress module's door: other modules import from here only. */
export { ProgressModule } from './progress.module';
export { ProgressService } from './progress.service';
