/** The curriculum module's door: other modules import from here only. */
export { CurriculumModule } from './curriculum.module';
export { CoursesService, audienceOf, learnerAudienceOf } from './courses.service';
export { toCourseView, toLessonView, toQuizView, type CourseView, type LessonRefView, type LessonView, type QuizQuestionView, type QuizView } from './views';
export { CeApprovalModel, CrisisResourceModel, QuestionKind, QuizQuestionModel, toLearnerQuestion } from './models/curriculum.models';
export { CRISIS_RESOURCES, type CrisisResource } from './crisis-resources';
export { GRADING_METHODS, type GradingMethod as GradingMethodName } from './content/content.schema';
export { importCurriculum } from './import-curriculum';
