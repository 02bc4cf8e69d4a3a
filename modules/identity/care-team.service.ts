import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Logger } from 'pino';
import type { Principal, Role } from '../../src/auth/principal';
import { BadInput, Forbidden, NotFound } from '../../src/common/errors';
import { pageOf, type KeysetPage } from '../../src/common/pagination';
import { APP_CONFIG, type AppConfig } from '../../src/config/config';
import { LOGGER } from '../../src/logging/logger';
import { AuditAction } from '../audit';
import { AuditService } from '../audit';
import { AccessService } from './access.service';
import { ClientAccess, Permission, roleMay, seesEveryClient } from './policy/access-policy';
import { canJoinCareTeam, CLIENT_ROLES, EVERYONE } from './policy/roles';
import { EmergencyAccessGrant } from './schemas/emergency-access-grant.schema';
import { Notification } from './schemas/notification.schema';
import type { Organization } from './schemas/organization.schema';
import type { OrganizationSettingsInput } from './models/care-team.models';
import { UsersService, type UserSummary } from './users.service';

const REASON_MAX = 500;

/**
 * Care teams (who among the clinicians sees a client) and emergency access past
 * them. Admins manage teams; a clinician off the team may open a short, audited
 * window with a stated reason, and the care team is told.
 */
@Injectable()
export class CareTeamService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @InjectModel(EmergencyAccessGrant.name) private readonly grants: Model<EmergencyAccessGrant>,
    @InjectModel(Notification.name) private readonly notifications: Model<Notification>,
    private readonly users: UsersService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** Clients stored before care teams existed join their clinician's team (idempotent, at every start). */
  async onModuleInit(): Promise<void> {
    const moved = await this.users.migrateCareTeams();
    if (moved) this.logger.info({ event: 'care_teams_migrated', clients: moved }, 'moved single clinicians onto care teams');
  }

  async addToCareTeam(admin: Principal, clientId: string, clinicianId: string): Promise<UserSummary> {
    const { subject } = await this.access.requireOne(admin, Permission.MANAGE_CARE_TEAM, clientId);
    const clinician = await this.clinician(admin, clinicianId);
    const updated = await this.users.addToCareTeam(admin.orgId, subject._id, clinician._id);
    await this.audit.record({ actor: admin, action: AuditAction.CARE_TEAM_MEMBER_ADDED, subjectType: 'CARE_TEAM', subjectId: clientId, patientId: clientId, detail: { clinicianId } });
    return updated ?? subject;
  }

  async removeFromCareTeam(admin: Principal, clientId: string, clinicianId: string): Promise<UserSummary> {
    const { subject } = await this.access.requireOne(admin, Permission.MANAGE_CARE_TEAM, clientId);
    if (!Types.ObjectId.isValid(clinicianId)) throw new NotFound('That clinician');
    const updated = await this.users.removeFromCareTeam(admin.orgId, subject._id, new Types.ObjectId(clinicianId));
    await this.audit.record({ actor: admin, action: AuditAction.CARE_TEAM_MEMBER_REMOVED, subjectType: 'CARE_TEAM', subjectId: clientId, patientId: clientId, detail: { clinicianId } });
    return updated ?? subject;
  }

  /** The client moves to another clinician: the care team becomes that clinician alone. */
  async transferClient(admin: Principal, clientId: string, toClinicianId: string): Promise<UserSummary> {
    const { subject } = await this.access.requireOne(admin, Permission.MANAGE_CARE_TEAM, clientId);
    const clinician = await this.clinician(admin, toClinicianId);
    const updated = await this.users.setCareTeam(admin.orgId, subject._id, [clinician._id]);
    await this.audit.record({
      actor: admin,
      action: AuditAction.CLIENT_TRANSFERRED,
      subjectType: 'CARE_TEAM',
      subjectId: clientId,
      patientId: clientId,
      detail: { from: (subject.careTeam ?? []).map((c) => c.toHexString()), to: toClinicianId },
    });
    return updated ?? subject;
  }

  /**
   * Break the glass: a clinician off the client's care team sees the client's
   * records for a short window. The reason is audited and the care team notified;
   * opening again while open extends the window.
   */
  async openEmergencyAccess(clinician: Principal, clientId: string, reason: string): Promise<EmergencyAccessGrant> {
    const why = reason.trim();
    if (why.length < 10) throw new BadInput('Say why you need emergency access (at least 10 characters); the reason is kept in the audit trail.', { field: 'reason' });
    if (why.length > REASON_MAX) throw new BadInput(`Keep the reason under ${REASON_MAX} characters.`, { field: 'reason' });
    const { subject } = await this.access.requireOne(clinician, Permission.OPEN_EMERGENCY_ACCESS, clientId);
    const openedAt = new Date();
    const grant: EmergencyAccessGrant = {
      _id: new Types.ObjectId(),
      orgId: new Types.ObjectId(clinician.orgId),
      clinicianId: new Types.ObjectId(clinician.userId),
      clientId: subject._id,
      reason: why,
      openedAt,
      expiresAt: new Date(openedAt.getTime() + this.config.auth.emergencyAccessSeconds * 1000),
    };
    // The record and the audit event first: a window must never open unrecorded.
    await this.grants.create(grant);
    await this.audit.record({
      actor: clinician,
      action: AuditAction.EMERGENCY_ACCESS_OPENED,
      subjectType: 'EMERGENCY_ACCESS',
      subjectId: grant._id.toHexString(),
      patientId: clientId,
      detail: { reason: why, expiresAt: grant.expiresAt.toISOString() },
    });
    await this.users.openEmergencyWindow(clinician.orgId, subject._id, clinician.userId, grant.expiresAt);
    await this.announce(grant, subject);
    return grant;
  }

  /** Admins: every emergency opening in the organization, newest first. */
  async emergencyAccessGrants(admin: Principal, first: number, after?: string): Promise<KeysetPage<EmergencyAccessGrant>> {
    this.access.requireAct(admin, Permission.LIST_EMERGENCY_ACCESS);
    return pageOf(this.grants, { orgId: new Types.ObjectId(admin.orgId) }, { field: 'openedAt', first, after });
  }

  /** Organization settings; fields left out stay as they are. */
  async updateSettings(admin: Principal, input: OrganizationSettingsInput): Promise<Organization> {
    this.access.requireAct(admin, Permission.MANAGE_ORGANIZATION_SETTINGS);
    const org = await this.users.updateOrganizationSettings(admin.orgId, input);
    if (input.trainingGate) this.access.trainingChanged(admin.orgId);
    const changed = Object.entries(input).filter(([, v]) => v !== undefined).map(([k]) => k);
    await this.audit.record({ actor: admin, action: AuditAction.ORGANIZATION_SETTINGS_CHANGED, subjectType: 'ORGANIZATION', subjectId: admin.orgId, detail: { changed } });
    return org;
  }

  /** A log line and an in-app notice to each care-team member; neither holds the reason or any record. */
  private async announce(grant: EmergencyAccessGrant, client: UserSummary): Promise<void> {
    const team = client.careTeam ?? [];
    this.logger.warn(
      { event: 'emergency_access_opened', grantId: grant._id.toHexString(), clinicianId: grant.clinicianId.toHexString(), clientId: client._id.toHexString(), careTeam: team.length },
      'emergency access opened',
    );
    if (team.length === 0) return;
    await this.notifications.insertMany(
      team.map((memberId) => ({
        orgId: grant.orgId,
        userId: memberId,
        kind: 'EMERGENCY_ACCESS_OPENED',
        text: 'A clinician outside the care team opened emergency access to one of your clients. The reason is in the audit trail.',
        detail: { grantId: grant._id.toHexString(), clientId: client._id.toHexString(), clinicianId: grant.clinicianId.toHexString() },
        createdAt: grant.openedAt,
      })),
    );
  }

  /**
   * The people directory: admins see everyone; clinicians see the clients they may
   * see (their care team, or every client when the organization allows it). Listing
   * a client is a read of their records, audited in one batch.
   */
  async directory(viewer: Principal, role: Role | undefined, page: { first: number; after?: string; search?: string; deactivated?: boolean }): Promise<KeysetPage<UserSummary>> {
    const visible = roleMay(viewer, Permission.LIST_STAFF) ? EVERYONE : CLIENT_ROLES;
    // A role the viewer may not list is a refusal (LIST_STAFF), not a malformed request.
    if (role && !visible.includes(role)) throw new Forbidden(`You can list ${visible.join(', ')} only.`);
    let careTeamMember: string | undefined;
    if (!seesEveryClient(viewer)) {
      const org = await this.users.organization(viewer.orgId);
      if (org.clientAccess !== ClientAccess.ALL_CLINICIANS) careTeamMember = viewer.userId;
    }
    const result = await this.users.listInOrg(viewer.orgId, role ? [role] : visible, { ...page, careTeamMember });
    if (result.nodes.length) {
      await this.access.require(viewer, Permission.READ_PROFILE, result.nodes.map((u) => u._id.toHexString()), { known: result.nodes, action: AuditAction.CLIENT_DIRECTORY_READ });
    }
    return result;
  }

  private async clinician(admin: Principal, clinicianId: string): Promise<UserSummary> {
    const [found] = await this.users.findManyInOrg(admin.orgId, [clinicianId]);
    if (!found || !canJoinCareTeam(found.role)) throw new NotFound('That clinician');
    return found;
  }
}
