/** The identity module's door: other modules import from here only. */
export { IdentityModule } from './identity.module';
export { UsersService, type UserSummary } from './users.service';
export { AccessService, TrainingRequired, type GrantedAccess, type MissingTraining, type RequireOptions, type TrainingGate } from './access.service';
export { ConsentsService } from './consents.service';
export { DisclosuresService } from './disclosures.service';
/** End one session, or all of a person's (deactivation, password change or reset): `revoke`, `revokeAll`. */
export { SessionsService } from './sessions.service';
export { DEFAULT_TRAINING_GATE } from './schemas/organization.schema';
export { Permission, ClientAccess, REDISCLOSURE_NOTICE, roleMay, rolesVisibleTo, seesEveryClient } from './policy/access-policy';
export { EVERYONE, LEARNER_ROLES, STAFF_ROLES, CARE_TEAM_ROLES, CLIENT_ROLES, isClientRole, isStaffRole, roleListed, worksWithOthersRecords } from './policy/roles';
export { UserModel, toUserModel } from './models/user.model';
export { hashSecret } from './secrets';
export { CareTeamAlertsService } from './care-team-alerts.service';
export { CareTeamService } from './care-team.service';
export { DEFAULT_REMINDER_POLICY, type Organization, type ReminderPolicy } from './schemas/organization.schema';
