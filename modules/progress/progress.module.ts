import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CompletionRecordsService } from '../credentials/completion-records.service';
import { CredentialsModule } from '../credentials/credentials.module';
import { CurriculumModule } from '../curriculum/curriculum.module';
import { EnrollmentModule } from '../enrollment/enrollment.module';
import { IdentityModule } from '../identity/identity.module';
import { DashboardService } from './dashboard.service';
import { LessonCatalog } from './lesson-catalog';
import { ProgressResolver } from './progress.resolver';
import { COMPLETION_ISSUER, ProgressService } from './progress.service';
import { LessonProgress, LessonProgressSchema } from './schemas/lesson-progress.schema';

/** Owns lesson progress, course completion (which triggers issuance) and the learning dashboards. */
@Module({
  imports: [IdentityModule, CurriculumModule, EnrollmentModule, CredentialsModule, MongooseModule.forFeature([{ name: LessonProgress.name, schema: LessonProgressSchema }])],
  providers: [
    ProgressService,
    DashboardService,
    LessonCatalog,
    ProgressResolver,
    // Completing a course issues its record; credentials never depends back on progress.
    { provide: COMPLETION_ISSUER, useExisting: CompletionRecordsService },
  ],
  exports: [ProgressService, DashboardService],
})
export class ProgressModule {}
