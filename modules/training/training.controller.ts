import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional } from 'class-validator';
import { CurrentUser, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import { IsObjectId } from '../../src/common/validation';
import { csvStream, type CsvColumn } from '../../src/http/csv-export';
import { UsersService } from '../identity';
import { ComplianceStatus } from './models/training.models';
import type { ComplianceRow } from './training.service';
import { TrainingService } from './training.service';

/** The staff-compliance CSV's filters, as query parameters (`status` may repeat). */
export class StaffComplianceCsvQuery {
  @IsOptional()
  @Transform(({ value }) => (Array.isArray(value) ? value : [value]))
  @IsEnum(ComplianceStatus, { each: true })
  status?: ComplianceStatus[];
  @IsOptional() @IsObjectId({ message: 'requirementId must be a training requirement id' }) requirementId?: string;
  @IsOptional() @IsEnum(Role) role?: Role;
}

export const STAFF_COMPLIANCE_COLUMNS: readonly CsvColumn<ComplianceRow>[] = [
  { header: 'staffId', value: (r) => r.staff._id.toHexString() },
  { header: 'name', value: (r) => r.staff.displayName },
  { header: 'email', value: (r) => r.staff.email },
  { header: 'role', value: (r) => r.staff.role },
  { header: 'requirementId', value: (r) => r.requirement?._id.toHexString() },
  { header: 'requirement', value: (r) => r.requirement?.name },
  { header: 'courseSlug', value: (r) => r.courseSlug },
  { header: 'courseTitle', value: (r) => r.courseTitle },
  { header: 'status', value: (r) => r.compliance?.status },
  { header: 'dueOn', value: (r) => r.compliance?.dueOn },
  { header: 'validUntil', value: (r) => r.compliance?.validUntil },
  { header: 'lastCompletedAt', value: (r) => r.lastCompletedAt },
];

@Controller()
export class TrainingController {
  constructor(
    private readonly training: TrainingService,
    private readonly users: UsersService,
  ) {}

  /** One row per staff member × training requirement (staff data, not client data: nothing to audit per row). */
  @Roles(Role.ADMIN)
  @Get('staff-compliance.csv')
  @Header('cache-control', 'private, no-store')
  async staffComplianceCsv(@CurrentUser() viewer: Principal, @Query() query: StaffComplianceCsvQuery): Promise<StreamableFile> {
    const org = await this.users.organization(viewer.orgId);
    const stream = await csvStream({ columns: STAFF_COMPLIANCE_COLUMNS, batches: this.training.complianceBatches(viewer, query), timeZone: org.timeZone });
    return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="staff-compliance.csv"' });
  }
}
