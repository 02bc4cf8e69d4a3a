import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../audit';
import { CredentialsModule } from '../credentials';
import { CurriculumModule } from '../curriculum';
import { EnrollmentModule } from '../enrollment';
import { IdentityModule } from '../identity';
import { ProgressModule } from '../progress';
import { TrainingRequirement, TrainingRequirementSchema } from './schemas/training-requirement.schema';
import { TrainingController } from './training.controller';
import { TrainingResolver } from './training.resolver';
import { TrainingService } from './training.service';

/**
 * Owns staff training requirements, staff compliance and the training gate. Depends on
 * audit, identity, curriculum, enrollment, progress and credentials; none of them imports it
 * (it registers the gate, the record validity and its scheduled job at start-up).
 */
@Module({
  imports: [AuditModule, IdentityModule, CurriculumModule, EnrollmentModule, ProgressModule, CredentialsModule, MongooseModule.forFeature([{ name: TrainingRequirement.name, schema: TrainingRequirementSchema }])],
  providers: [TrainingService, TrainingResolver],
  controllers: [TrainingController],
  exports: [TrainingService],
})
export class TrainingModule {}
