import { Module } from '@nestjs/common';
import { AssessmentModule } from '../assessment';
import { AuditModule } from '../audit';
import { CredentialsModule } from '../credentials';
import { IdentityModule } from '../identity';
import { ProgressModule } from '../progress';
import { ClientRecordExportResolver } from './client-record-export.resolver';
import { ClientRecordExportService } from './client-record-export.service';

/** Reads across the modules that hold a client's records; owns no collection of its own. */
@Module({
  imports: [IdentityModule, AuditModule, ProgressModule, AssessmentModule, CredentialsModule],
  providers: [ClientRecordExportService, ClientRecordExportResolver],
})
export class RecordsModule {}
