/** The credentials module's door: other modules import from here only. */
export { CredentialsModule } from './credentials.module';
export { CompletionRecordsService } from './completion-records.service';
export { CertificatesService } from './certificates.service';
export { COMPLETION_ISSUER, type CompletionIssuer, type CompletionValidity } from './completion-issuer';
export type { StoredCompletionRecord } from './schemas/completion-record.schema';
