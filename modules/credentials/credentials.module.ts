import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../audit';
import { CurriculumModule } from '../curriculum';
import { IdentityModule } from '../identity';
import { CertificatesService } from './certificates.service';
import { COMPLETION_ISSUER } from './completion-issuer';
import { CompletionRecordsService } from './completion-records.service';
import { CompletionSharesService } from './completion-shares.service';
import { CredentialsController } from './credentials.controller';
import { CredentialsResolver } from './credentials.resolver';
import { CompletionRecord, CompletionRecordSchema } from './schemas/completion-record.schema';
import { CredentialShare, CredentialShareSchema } from './schemas/credential-share.schema';
import { SigningKeyService } from './signing/signing-key.service';
import { StatusListCounter, StatusListCounterSchema } from './schemas/status-list-counter.schema';
import { StatusListsService } from './status-lists.service';
import { RateLimitModule } from '../../src/rate-limit/rate-limit.module';

/**
 * Owns completion records and their shares. Progress issues through the
 * COMPLETION_ISSUER token bound here; this module never imports progress.
 */
@Module({
  imports: [
    // @RateLimit on this module's routes needs the throttler (global; imported here so every
    // context that loads this module, the CLI and service tests included, can build them).
    RateLimitModule,
    AuditModule,
    IdentityModule,
    CurriculumModule,
    MongooseModule.forFeature([
      { name: CompletionRecord.name, schema: CompletionRecordSchema },
      { name: CredentialShare.name, schema: CredentialShareSchema },
      { name: StatusListCounter.name, schema: StatusListCounterSchema },
    ]),
  ],
  providers: [
    SigningKeyService,
    CompletionRecordsService,
    CompletionSharesService,
    CertificatesService,
    StatusListsService,
    CredentialsResolver,
    // The one binding of the progress → credentials link.
    { provide: COMPLETION_ISSUER, useExisting: CompletionRecordsService },
  ],
  controllers: [CredentialsController],
  exports: [CompletionRecordsService, CertificatesService, COMPLETION_ISSUER],
})
export class CredentialsModule {}
