import { Controller, Get, Header, Param, Query, Req, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentUser, Public, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import { NotFound } from '../../src/common/errors';
import { RateLimit } from '../../src/rate-limit/rate-limit';
import { CertificatesService } from './certificates.service';
import { CompletionRecordsService } from './completion-records.service';
import { CompletionSharesService } from './completion-shares.service';
import { CompletionRecordFilter } from './dto/credentials.inputs';
import { SIGNING_KEY_PATH, SigningKeyService } from './signing/signing-key.service';
import { verificationPage, VERIFY_PAGE_HEADERS, wantsHtml } from './verification-page';

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
  async certificate(@CurrentUser() viewer: Principal, @Param('file') file: string): Promise<StreamableFile> {
    if (!file.endsWith('.pdf')) throw new NotFound('That certificate');
    const { pdf, code } = await this.certificates.pdf(viewer, file.slice(0, -'.pdf'.length));
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="certificate-${code}.pdf"`, length: pdf.length });
  }

  @Roles(Role.ADMIN)
  @Get('completion-records.csv')
  @Header('cache-control', 'private, no-store')
  completionRecordsCsv(@CurrentUser() viewer: Principal, @Query() filter: CompletionRecordFilter): StreamableFile {
    return new StreamableFile(Readable.from(this.records.csv(viewer, filter)), {
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

  /** A badge's `achievement.id`: the course version, as JSON. */
  @Public()
  @Get('achievements/:slug/:version')
  achievement(@Param('slug') slug: string, @Param('version') version: string) {
    return this.certificates.achievement(slug.slice(0, 100), Number(version));
  }

  /** A badge's `id`: how to check it (the same answer for every well-formed id). */
  @Public()
  @Get('completion-records/:id')
  credential(@Param('id') id: string) {
    return this.certificates.credentialDescription(id);
  }

  /** A badge's `credentialStatus.statusListCredential`: the issuer's revocation list, a VC-JWT signed like the badges. */
  @Public()
  @Get('status-lists/:orgId/revocation')
  @Header('content-type', 'application/vc+jwt')
  @Header('cache-control', 'public, max-age=60')
  statusList(@Param('orgId') orgId: string): Promise<string> {
    return this.certificates.statusList(orgId);
  }

  /**
   * Where a certificate's QR code leads. A browser (Accept: text/html) gets a page with
   * a form to type a share code; anything else gets JSON. `/verify?code=` is the form's
   * submission and answers as `/verify/:code` does.
   */
  @Public()
  @Get('verify')
  @Header('cache-control', 'no-store')
  async verifyForm(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query('code') code?: unknown) {
    const typed = typeof code === 'string' && code.trim() ? code : undefined;
    if (typed) return this.verify(req, reply, typed);
    if (wantsHtml(req.headers.accept)) return this.html(reply, verificationPage());
    return { message: 'Send a share code: GET /verify/<code>, or the verifyCompletion query.' };
  }

  /** The same answer as the verifyCompletion query, as JSON or as the page. */
  @Public()
  @RateLimit('verify')
  @Get('verify/:code')
  @Header('cache-control', 'no-store')
  async verify(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Param('code') code: string) {
    const result = await this.shares.verify(code.slice(0, 100));
    return wantsHtml(req.headers.accept) ? this.html(reply, verificationPage(result)) : result;
  }

  private html(reply: FastifyReply, page: string): string {
    void reply.headers(VERIFY_PAGE_HEADERS);
    return page;
  }
}
