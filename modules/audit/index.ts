/** The audit module's door: other modules import from here only. */
export { AuditModule } from './audit.module';
export { AuditService, type AuditEntry } from './audit.service';
export { AuditAction } from './audit-action';
export { AuditEventFilter } from './models/audit-event.model';
