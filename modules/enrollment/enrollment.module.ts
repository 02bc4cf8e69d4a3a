import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CurriculumModule } from '../curriculum';
import { AuditModule } from '../audit';
import { IdentityModule } from '../identity';
import { DischargeService } from './discharge.service';
import { EnrollmentResolver } from './enrollment.resolver';
import { EnrollmentService } from './enrollment.service';
import { Cohort, CohortSchema, Enrollment, EnrollmentSchema } from './schemas/enrollment.schemas';

/** Owns enrollments, assignments and cohorts. Progress and dashboards live in the progress module. */
@Module({
  imports: [
    IdentityModule,
    AuditModule,
    CurriculumModule,
    MongooseModule.forFeature([
      { name: Enrollment.name, schema: EnrollmentSchema },
      { name: Cohort.name, schema: CohortSchema },
    ]),
  ],
  providers: [EnrollmentService, DischargeService, EnrollmentResolver],
  exports: [EnrollmentService],
})
export class EnrollmentModule {}
