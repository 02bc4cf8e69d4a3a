import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CurriculumModule } from '../curriculum/curriculum.module';
import { EnrollmentModule } from '../enrollment/enrollment.module';
import { IdentityModule } from '../identity/identity.module';
import { DashboardService } from './dashboard.service';
import { LessonCatalog } from './lesson-catalog';
import { ProgressResolver } from './progress.resolver';
import { ProgressService } from './progress.service';
import { LessonProgress, LessonProgressSchema } from './schemas/lesson-progress.schema';

/** Owns lesson progress, course completion (which triggers issuance) and the learning dashboards. */
@Module({
  imports: [IdentityModule, CurriculumModule, EnrollmentModule, MongooseModule.forFeature([{ name: LessonProgress.name, schema: LessonProgressSchema }])],
  providers: [ProgressService, DashboardService, LessonCatalog, ProgressResolver],
  exports: [ProgressService, DashboardService],
})
export class ProgressModule {}
