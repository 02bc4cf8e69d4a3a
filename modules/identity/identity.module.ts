import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { PassportModule } from '@nestjs/passport';
import { AccessTokens } from '../../src/auth/access-tokens';
import { APP_CONFIG, type AppConfig } from '../../src/config/config';
import { AuditModule } from '../audit';
import { MessagingModule } from '../messaging';
import { AccessService } from './access.service';
import { AccountResolver } from './account.resolver';
import { AccountService } from './account.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { CareTeamResolver } from './care-team.resolver';
import { CareTeamAlertsService } from './care-team-alerts.service';
import { CareTeamService } from './care-team.service';
import { ConsentsService } from './consents.service';
import { DisclosuresResolver } from './disclosures.resolver';
import { DisclosuresService } from './disclosures.service';
import { InvitesService } from './invites.service';
import { LocalStrategy } from './local.strategy';
import { PasswordRecoveryService } from './password-recovery.service';
import { PeopleResolver } from './people.resolver';
import { SessionsService } from './sessions.service';
import { SignInThrottleService } from './sign-in-throttle.service';
import { Consent, ConsentSchema } from './schemas/consent.schema';
import { EmergencyAccessGrant, EmergencyAccessGrantSchema } from './schemas/emergency-access-grant.schema';
import { FamilyLink, FamilyLinkSchema } from './schemas/family-link.schema';
import { Invite, InviteSchema } from './schemas/invite.schema';
import { LoginThrottle, LoginThrottleSchema } from './schemas/login-throttle.schema';
import { Notification, NotificationSchema } from './schemas/notification.schema';
import { Organization, OrganizationSchema } from './schemas/organization.schema';
import { PasswordReset, PasswordResetSchema } from './schemas/password-reset.schema';
import { RefreshToken, RefreshTokenSchema } from './schemas/refresh-token.schema';
import { RevokedSession, RevokedSessionSchema } from './schemas/revoked-session.schema';
import { User, UserSchema } from './schemas/user.schema';
import { SessionController } from './session.controller';
import { AuditExportController } from './audit-export.controller';
import { UsersService } from './users.service';
import { RateLimitModule } from '../../src/rate-limit/rate-limit.module';

@Module({
  imports: [
    // @RateLimit on this module's routes needs the throttler (global; imported here so every
    // context that loads this module, the CLI and service tests included, can build them).
    RateLimitModule,
    AuditModule,
    MessagingModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.auth.jwtSecret }),
    }),
    MongooseModule.forFeature([
      { name: Organization.name, schema: OrganizationSchema },
      { name: User.name, schema: UserSchema },
      { name: Invite.name, schema: InviteSchema },
      { name: RefreshToken.name, schema: RefreshTokenSchema },
      { name: LoginThrottle.name, schema: LoginThrottleSchema },
      { name: RevokedSession.name, schema: RevokedSessionSchema },
      { name: FamilyLink.name, schema: FamilyLinkSchema },
      { name: Consent.name, schema: ConsentSchema },
      { name: EmergencyAccessGrant.name, schema: EmergencyAccessGrantSchema },
      { name: Notification.name, schema: NotificationSchema },
      { name: PasswordReset.name, schema: PasswordResetSchema },
    ]),
  ],
  controllers: [SessionController, AuditExportController],
  providers: [CareTeamAlertsService, UsersService, AuthService, SignInThrottleService, SessionsService, InvitesService, ConsentsService, AccessService, CareTeamService, LocalStrategy, AccessTokens, AuthResolver, PeopleResolver, CareTeamResolver, DisclosuresResolver, DisclosuresService, PasswordRecoveryService, AccountService, AccountResolver],
  exports: [AccessTokens, CareTeamAlertsService, UsersService, AccessService, ConsentsService, SessionsService, DisclosuresService],
})
export class IdentityModule {}
