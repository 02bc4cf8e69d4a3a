import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { AccessTokenClaims, Principal } from './principal';
import { Role } from './principal';
import { SessionsService } from '../../modules/identity/sessions.service';

/**
 * Access tokens are verified without a database read: the hot paths (progress
 * events) must cost one database command. Whether the token's session has ended
 * is answered from SessionsService's in-memory list, refreshed from MongoDB
 * several times a second, so logout and revocation take effect on every
 * instance within a second.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: jsonwebtoken first tries to parse a string secret
      // as a PEM public key and catches the failure, ~0.3 ms per request (bench/RESULTS.md).
      secretOrKey: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: 'waypoint',
      audience: 'waypoint-api',
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Principal | false> {
    if (!claims.sub || !claims.org || typeof claims.sid !== 'string' || !Object.values(Role).includes(claims.role)) return false;
    if (!(await this.sessions.isActive(claims.sid))) return false;
    return { userId: claims.sub, orgId: claims.org, role: claims.role, sessionId: claims.sid };
  }
}
