import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CredentialsModule } from '../credentials';
import { CurriculumModule } from '../curriculum';
import { EnrollmentModule } from '../enrollment';
import { IdentityModule } from '../identity';
import { DashboardService } from './dashboard.service';
import { LessonCatalog } from './lesson-catalog';
import { ProgressResolver } from './progress.resolver';
import { ProgressService } from './progress.service';
import { LessonProgress, LessonProgressSchema } from './schemas/lesson-progress.schema';

/** Owns lesson progress, course completion (which triggers issuance) and the learning dashboards. */
@Module({
  imports: [IdentityModule, CurriculumModule, EnrollmentModule, CredentialsModule, MongooseModule.forFeature([{ name: LessonProgress.name, schema: LessonProgressSchema }])],
  providers: [
    ProgressService,
    DashboardService,
    LessonCatalog,
    ProgressResolver,
  ],
  exports: [ProgressService, DashboardService],
})
export class ProgressModule {}
