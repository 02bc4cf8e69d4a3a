import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { AccessTokenClaims, Principal } from './principal';
import { Role } from './principal';

/**
 * Access tokens are verified without a database read: they are short-lived, and
 * the hot paths (progress events) must cost one database command.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
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

  validate(claims: AccessTokenClaims): Principal | false {
    if (!claims.sub || !claims.org || !Object.values(Role).includes(claims.role)) return false;
    return { userId: claims.sub, orgId: claims.org, role: claims.role };
  }
}
