/** The assessment module's door: other modules import from here only. */
export { AssessmentModule } from './assessment.module';
export { ReflectionsService } from './reflections.service';
export { QuizAttemptsService } from './quiz-attempts.service';
