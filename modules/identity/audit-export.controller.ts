import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { CurrentUser, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import { csvStream, type CsvColumn } from '../../src/http/csv-export';
import { AuditAction, AuditEventFilter, AuditService } from '../audit';
import { UsersService } from './users.service';

interface AuditRow {
  _id: { toHexString(): string };
  at: Date;
  action: string;
  actorId?: { toHexString(): string };
  actorRole?: string;
  subjectType: string;
  subjectId?: string;
  patientId?: { toHexString(): string };
  requestId?: string;
  detail?: Record<string, unknown>;
}

const COLUMNS: readonly CsvColumn<AuditRow>[] = [
  { header: 'eventId', value: (e) => e._id.toHexString() },
  { header: 'at', value: (e) => e.at },
  { header: 'action', value: (e) => e.action },
  { header: 'actorId', value: (e) => e.actorId?.toHexString() },
  { header: 'actorRole', value: (e) => e.actorRole },
  { header: 'subjectType', value: (e) => e.subjectType },
  { header: 'subjectId', value: (e) => e.subjectId },
  { header: 'patientId', value: (e) => e.patientId?.toHexString() },
  { header: 'reason', value: (e) => (typeof e.detail?.reason === 'string' ? e.detail.reason : undefined) },
  { header: 'requestId', value: (e) => e.requestId },
];

/** Rows read a page at a time, as the download proceeds. */
const BATCH = 500;

/**
 * The audit trail as CSV, with the same filters as `auditEvents`. It lives here
 * rather than in the audit module because dates follow the organization's time
 * zone, which identity owns. The export itself is audited: it names clients.
 */
@Controller()
export class AuditExportController {
  constructor(
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  @Roles(Role.ADMIN)
  @Get('audit-events.csv')
  @Header('cache-control', 'private, no-store')
  async csv(@CurrentUser() viewer: Principal, @Query() filter: AuditEventFilter): Promise<StreamableFile> {
    const org = await this.users.organization(viewer.orgId);
    const audit = this.audit;
    async function* batches(): AsyncGenerator<AuditRow[]> {
      let after: string | undefined;
      for (;;) {
        const page = await audit.list(viewer.orgId, filter, BATCH, after);
        yield page.nodes as AuditRow[];
        if (!page.hasNextPage) return;
        after = page.endCursor;
      }
    }
    const stream = await csvStream<AuditRow>({
      columns: COLUMNS,
      batches: batches(),
      timeZone: org.timeZone,
      beforeBatch: (rows) =>
        this.audit.record({ actor: viewer, action: AuditAction.AUDIT_TRAIL_EXPORTED, subjectType: 'AuditEvent', detail: { rows: rows.length } }),
    });
    return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="audit-trail.csv"' });
  }
}
