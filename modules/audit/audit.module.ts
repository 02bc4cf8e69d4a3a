import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { AuditEvent, AuditEventSchema } from './schemas/audit-event.schema';

/** Owns the append-only audit trail. Other modules record through AuditService; nothing edits or deletes events. */
@Module({
  imports: [MongooseModule.forFeature([{ name: AuditEvent.name, schema: AuditEventSchema }])],
  providers: [AuditService, AuditResolver],
  exports: [AuditService],
})
export class AuditModule {}
