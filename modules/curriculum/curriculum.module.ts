import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { IdentityModule } from '../identity';
import { CoursesResolver } from './courses.resolver';
import { CoursesService } from './courses.service';
import { CurriculumImportService } from './curriculum-import.service';
import { Course, CourseSchema, Lesson, LessonSchema, Quiz, QuizSchema } from './schemas/curriculum.schemas';

/** Owns published content: courses, lesson versions and quizzes (with their keys, which stay here). */
@Module({
  imports: [
    IdentityModule,
    MongooseModule.forFeature([
      { name: Course.name, schema: CourseSchema },
      { name: Lesson.name, schema: LessonSchema },
      { name: Quiz.name, schema: QuizSchema },
    ]),
  ],
  providers: [CoursesService, CurriculumImportService, CoursesResolver],
  exports: [CoursesService, CurriculumImportService],
})
export class CurriculumModule {}
