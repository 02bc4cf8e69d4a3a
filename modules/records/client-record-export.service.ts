import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../../src/auth/principal';
import { CLOCK, type Clock } from '../../src/common/clock';
import { QuizAttemptsService, ReflectionsService } from '../assessment';
import { AuditAction, AuditService } from '../audit';
import { CertificatesService, CompletionRecordsService } from '../credentials';
import { AccessService, ConsentsService, DisclosuresService, Permission } from '../identity';
import { ProgressService } from '../progress';
import type { ClientRecordExportModel } from './models/client-record-export.model';

const FORMAT = 'waypoint-client-record/1';
const DISCLOSURE_PAGE = 100;

/**
 * The HIPAA right of access: a client's own records in one document, for the client,
 * their care team or an admin. Each part is read from the module that owns it, after one
 * access decision; every export, the client's own included, is audited. Certificate PDFs
 * follow the credentials rule (the client or an admin holds them), so the care team's copy
 * lists the completions without the PDFs.
 */
@Injectable()
export class ClientRecordExportService {
  constructor(
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly progress: ProgressService,
    private readonly attempts: QuizAttemptsService,
    private readonly reflections: ReflectionsService,
    private readonly consents: ConsentsService,
    private readonly disclosures: DisclosuresService,
    private readonly records: CompletionRecordsService,
    private readonly certificates: CertificatesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async export(viewer: Principal, clientId: string): Promise<ClientRecordExportModel> {
    const granted = await this.access.requireOne(viewer, Permission.EXPORT_CLIENT_RECORD, clientId);
    const client = granted.subject;
    const orgId = client.orgId.toHexString();
    const [progress, attempts, reflections, consents, disclosures, completions] = await Promise.all([
      this.progress.ofLearner(orgId, client._id),
      this.attempts.ofLearner(orgId, client._id),
      this.reflections.ofLearner(orgId, client._id),
      this.consents.ofClient(orgId, client._id),
      this.allDisclosures(orgId, clientId),
      this.records.ofLearnerAll(orgId, client._id),
    ]);
    const withPdfs = this.access.also(viewer, granted, Permission.HOLD_CREDENTIALS) ? completions.filter((r) => !r.revokedAt) : [];
    const certificates = await Promise.all(
      withPdfs.map(async (record) => ({
        recordId: record._id.toHexString(),
        // Neutral on purpose: the file lands on the client's device.
        fileName: `certificate-${record._id.toHexString()}.pdf`,
        pdfBase64: (await this.certificates.render(record)).toString('base64'),
      })),
    );
    const generatedAt = this.clock.now();
    const fileNames = new Map(certificates.map((c) => [c.recordId, c.fileName]));
    const document = {
      format: FORMAT,
      generatedAt,
      client: { id: clientId, displayName: client.displayName, email: client.email, role: client.role, dischargedAt: client.dischargedAt },
      progress: progress.map((p) => ({
        courseSlug: p.courseSlug,
        lessonSlug: p.lessonSlug,
        positionPercent: p.positionPercent,
        secondsSpent: p.secondsSpent,
        startedAt: p.startedAt,
        readCompletedAt: p.readCompletedAt,
        quizPassed: p.quizPassed,
        quizScore: p.quizScore,
        completedAt: p.completedAt,
      })),
      quizAttempts: attempts.map((a) => ({
        id: a._id.toHexString(),
        quizId: a.quizId.toHexString(),
        courseSlug: a.courseSlug,
        lessonSlug: a.lessonSlug,
        number: a.number,
        status: a.status,
        score: a.score,
        passed: a.passed,
        startedAt: a.startedAt,
        submittedAt: a.submittedAt,
      })),
      reflections: reflections.map((r) => ({
        id: r._id.toHexString(),
        courseSlug: r.courseSlug,
        lessonSlug: r.lessonSlug,
        promptId: r.promptId,
        text: r.versions.at(-1)?.text,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        versions: r.versions.map((v) => ({ text: v.text, at: v.at })),
        reviews: r.reviews.map((v) => ({ comment: v.comment, at: v.at })),
      })),
      consents: consents.map((c) => ({
        id: c._id.toHexString(),
        patientName: c.patientName,
        discloserName: c.discloserName,
        recipientName: c.recipientName,
        scopes: c.scopes,
        purpose: c.purpose,
        method: c.method,
        signedByName: c.signedByName,
        signedAt: c.signedAt,
        expiresAt: c.expiresAt,
        expiryEvent: c.expiryEvent,
        revokedAt: c.revokedAt,
      })),
      disclosures: disclosures.map((d) => ({ at: d.at, recipient: d.recipient, recipientName: d.recipientName, records: d.records })),
      certificates: completions.map((r) => ({
        id: r._id.toHexString(),
        courseTitle: r.courseTitle,
        courseVersion: r.courseVersion,
        cycle: r.cycle,
        nameAsIssued: r.nameAsIssued,
        issuerName: r.issuerName,
        credentialType: r.credentialType,
        completedAt: r.completedAt,
        issuedAt: r.issuedAt,
        validUntil: r.validUntil,
        score: r.score,
        contactHours: r.contactHours,
        revokedAt: r.revokedAt,
        revokedReason: r.revokedReason,
        pdf: fileNames.get(r._id.toHexString()),
      })),
    };
    // Counts only: the record itself (reflection text above all) never enters the trail.
    await this.audit.record({
      actor: viewer,
      action: AuditAction.CLIENT_RECORD_EXPORTED,
      subjectType: 'USER',
      subjectId: clientId,
      patientId: clientId,
      detail: {
        progress: progress.length,
        quizAttempts: attempts.length,
        reflections: reflections.length,
        consents: consents.length,
        disclosures: disclosures.length,
        certificates: completions.length,
        pdfs: certificates.length,
      },
    });
    return { generatedAt, document: JSON.stringify(document, null, 2), certificates };
  }

  private async allDisclosures(orgId: string, clientId: string) {
    const all = [];
    let after: string | undefined;
    do {
      const page = await this.disclosures.page(orgId, clientId, DISCLOSURE_PAGE, after);
      all.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
    } while (after);
    return all;
  }
}
