import { Controller, Get, Header, Param, Query, Req, StreamableFile } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentUser, Public, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import { NotFound } from '../../src/common/errors';
import { CertificatesService } from './certificates.service';
import { CompletionRecordsService } from './completion-records.service';
import { CompletionSharesService } from './completion-shares.service';
import { CompletionRecordFilter } from './dto/credentials.inputs';
import { SIGNING_KEY_PATH, SigningKeyService } from './signing/signing-key.service';

/**
 * The credentials endpoints that are files or links rather than GraphQL:
 * certificate PDFs, the CSV export, the public key, the issuer profile and the
 * page a certificate's QR code opens. Authenticated with the same Bearer token
 * and guard as GraphQL.
 */
@Controller()
export class CredentialsController {
  constructor(
    private readonly records: CompletionRecordsService,
    private readonly shares: CompletionSharesService,
    private readonly certificates: CertificatesService,
    private readonly signing: SigningKeyService,
  ) {}

  /** The learner's own certificate, or any in the organization for an admin; everyone else gets 404. */
  @Roles(Role.ADMIN, Role.CLINICIAN, Role.STAFF, Role.PATIENT, Role.FAMILY)
  @Get('certificates/:file')
  @Header('cache-control', 'private, no-store')
  async certificate(@CurrentUser() viewer: Principal, @Req() req: FastifyRequest, @Param('file') file: string): Promise<StreamableFile> {
    if (!file.endsWith('.pdf')) throw new NotFound('That certificate');
    const { pdf, code } = await this.certificates.pdf(viewer, file.slice(0, -'.pdf'.length), String(req.id));
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="certificate-${code}.pdf"`, length: pdf.length });
  }

  @Roles(Role.ADMIN)
  @Get('completion-records.csv')
  @Header('cache-control', 'private, no-store')
  completionRecordsCsv(@CurrentUser() viewer: Principal, @Req() req: FastifyRequest, @Query() filter: CompletionRecordFilter): StreamableFile {
    return new StreamableFile(Readable.from(this.records.csv(viewer, filter, String(req.id))), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="completion-records.csv"',
    });
  }

  /** The public key (JWK, RFC 8037) that verifies record signatures and badge JWTs. */
  @Public()
  @Get(SIGNING_KEY_PATH.slice(1))
  signingKey() {
    return { ...this.signing.publicJwk, publicKeyPem: this.signing.publicKeyPem };
  }

  @Public()
  @Get('issuers/:orgId')
  issuer(@Param('orgId') orgId: string) {
    return this.certificates.issuer(orgId);
  }

  /** Where a certificate's QR code leads: the same answer as the verifyCompletion query. */
  @Public()
  @Get('verify/:code')
  @Header('cache-control', 'no-store')
  verify(@Param('code') code: string) {
    return this.shares.verify(code.slice(0, 100));
  }
}
