import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, ValidationPipe, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MongooseModule } from '@nestjs/mongoose';
import type { Logger } from 'pino';
import { AssessmentModule } from '../modules/assessment/assessment.module';
import { AuditModule } from '../modules/audit/audit.module';
import { CredentialsModule } from '../modules/credentials/credentials.module';
import { CurriculumModule } from '../modules/curriculum/curriculum.module';
import { EnrollmentModule } from '../modules/enrollment/enrollment.module';
import { RecordsModule } from '../modules/records/records.module';
import { ProgressModule } from '../modules/progress/progress.module';
import { IdentityModule } from '../modules/identity/identity.module';
import { MessagingModule } from '../modules/messaging/messaging.module';
import { RemindersModule } from '../modules/reminders/reminders.module';
import { TrainingModule } from '../modules/training/training.module';
import { AuthGuard } from './auth/auth.guard';
import type { Clock } from './common/clock';
import type { AppConfig } from './config/config';
import { CoreModule } from './core.module';
import type { ResolvedDatabase } from './database/resolve-database';
import { graphqlOptions } from './graphql/graphql.config';
import { HealthController } from './health/health.controller';
import { HttpErrorFilter } from './http/http-error.filter';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { SchedulingModule } from './scheduling/scheduling.module';

@Module({})
export class AppModule {
  static register(config: AppConfig, logger: Logger, database: ResolvedDatabase, dbName = config.database.dbName, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(config, logger, database, clock),
        MongooseModule.forRoot(database.uri, { dbName, autoIndex: true, serverSelectionTimeoutMS: 10000, monitorCommands: config.database.monitorCommands }),
        GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, ...graphqlOptions(config, logger) }),
        RateLimitModule,
        SchedulingModule,
        AuditModule,
        IdentityModule,
        CurriculumModule,
        CredentialsModule,
        EnrollmentModule,
        ProgressModule,
        AssessmentModule,
        MessagingModule,
        RemindersModule,
        TrainingModule,
        RecordsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ transform: true, whitelist: true, forbidUnknownValues: false, stopAtFirstError: false }),
        },
      ],
    };
  }
}
