import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../audit/audit.module';
import { CurriculumModule } from '../curriculum/curriculum.module';
import { IdentityModule } from '../identity/identity.module';
import { CertificatesService } from './certificates.service';
import { CompletionRecordsService } from './completion-records.service';
import { CompletionSharesService } from './completion-shares.service';
import { CredentialsController } from './credentials.controller';
import { CredentialsResolver } from './credentials.resolver';
import { CompletionRecord, CompletionRecordSchema } from './schemas/completion-record.schema';
import { CredentialShare, CredentialShareSchema } from './schemas/credential-share.schema';
import { SigningKeyService } from './signing/signing-key.service';

/**
 * Owns completion records and their shares. Progress calls
 * `CompletionRecordsService.issue`; this module never imports progress.
 */
@Module({
  imports: [
    AuditModule,
    IdentityModule,
    CurriculumModule,
    MongooseModule.forFeature([
      { name: CompletionRecord.name, schema: CompletionRecordSchema },
      { name: CredentialShare.name, schema: CredentialShareSchema },
    ]),
  ],
  providers: [SigningKeyService, CompletionRecordsService, CompletionSharesService, CertificatesService, CredentialsResolver],
  controllers: [CredentialsController],
  exports: [CompletionRecordsService],
})
export class CredentialsModule {}
