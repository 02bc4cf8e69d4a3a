import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../audit';
import { CurriculumModule } from '../curriculum';
import { IdentityModule } from '../identity';
import { ProgressModule } from '../progress';
import { ItemAnalysisService } from './item-analysis.service';
import { QuizAttemptsResolver } from './quiz-attempts.resolver';
import { QuizAttemptsService } from './quiz-attempts.service';
import { ReflectionsResolver } from './reflections.resolver';
import { ReflectionsService } from './reflections.service';
import { QuizAttemptGrant, QuizAttemptGrantSchema } from './schemas/quiz-attempt-grant.schema';
import { QuizAttempt, QuizAttemptSchema } from './schemas/quiz-attempt.schema';
import { Reflection, ReflectionSchema } from './schemas/reflection.schema';

/** Owns quiz attempts (grading happens here, on the server) and reflections (with the safety screen). */
@Module({
  imports: [
    IdentityModule,
    AuditModule,
    CurriculumModule,
    ProgressModule,
    MongooseModule.forFeature([
      { name: QuizAttempt.name, schema: QuizAttemptSchema },
      { name: QuizAttemptGrant.name, schema: QuizAttemptGrantSchema },
      { name: Reflection.name, schema: ReflectionSchema },
    ]),
  ],
  providers: [QuizAttemptsService, ItemAnalysisService, ReflectionsService, QuizAttemptsResolver, ReflectionsResolver],
  exports: [QuizAttemptsService, ReflectionsService],
})
export class AssessmentModule {}
