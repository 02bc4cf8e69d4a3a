/** Public API of the curriculum content package (used by the CLI and the importer). */
export * from './content.schema';
export { type CurriculumIssue, formatIssue, FILE_FIELD, YAML_FIELD, FRONT_MATTER_FIELD, MANIFEST_FIELD } from './curriculum-issue';
export {
  type LoadOptions,
  type LoadedCourse,
  type LoadedCurriculum,
  type LoadedLessonFile,
  type ParsedLesson,
  loadCurriculum,
  parseLessonSource,
  parseManifestSource,
} from './load-curriculum';
export { checkStructure } from './structure-checks';
export { BUNDLED_CONTENT_POLICY, type ContentPolicy, type CountRange, checkContent, withoutSizeLimits } from './content-checks';
export { type CourseStatistics, curriculumStatistics, statisticsTable } from './curriculum-statistics';
export { BUNDLED_QUIZ_HONESTY, QUIZZES_FIELD, type QuizHonestyPolicy, type QuizStatistics, checkQuizHonesty } from './quiz-honesty';
export { canonicalJson, courseContentHash, lessonContentHash } from './content-hash';
export {
  type CurriculumCourse,
  type CurriculumLesson,
  type CurriculumValidation,
  type ValidateOptions,
  assembleCourses,
  summarize,
  validateCurriculum,
  validateLoaded,
} from './validate-curriculum';
export { defaultCurriculumDir, findRepoRoot } from './repo-paths';
export { findStigmatizingTerms } from './words-matter';
