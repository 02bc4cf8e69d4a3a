import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ScheduledJob, ScheduledJobSchema } from './scheduled-job.schema';
import { Scheduler } from './scheduler.service';

/** The persisted job schedule (see Scheduler); any module may define jobs. */
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: ScheduledJob.name, schema: ScheduledJobSchema }])],
  providers: [Scheduler],
  exports: [Scheduler],
})
export class SchedulingModule {}
