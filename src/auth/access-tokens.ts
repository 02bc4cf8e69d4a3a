import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { AccessTokenClaims, Principal } from './principal';
import { Role } from './principal';
import { SessionsService } from '../../modules/identity/sessions.service';

/** Verified tokens remembered at most; the oldest is forgotten first. */
const MAX_REMEMBERED = 10_000;

const ROLES: ReadonlySet<string> = new Set(Object.values(Role));

/**
 * Turns a request's bearer token into the signed-in person, or undefined.
 *
 * Access tokens are verified without a database read: the hot paths (progress
 * events) must cost one database command. Whether the token's session has ended
 * is answered from SessionsService's in-memory list on every request, refreshed
 * from MongoDB several times a second, so logout and revocation take effect on
 * every instance within a second.
 *
 * A token's signature is checked once: a client sends the same token with every
 * request until it expires, and checking it cost as much as executing a small
 * query (bench/RESULTS.md). The cache is keyed by the whole token, signature
 * included, so only the exact bytes that passed are trusted again, and only
 * until their `exp`, judged as jsonwebtoken judges it.
 */
@Injectable()
export class AccessTokens {
  /** A KeyObject, not the string: jsonwebtoken first tries to parse a string secret as a PEM public key and catches the failure, ~0.3 ms per request. */
  private readonly key: KeyObject;
  private readonly verified = new Map<string, { claims: AccessTokenClaims; exp?: number }>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
  ) {
    this.key = createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8'));
  }

  /** The caller of a request with this `Authorization` header, or undefined when it names nobody who may act now. */
  async principalOf(authorization: unknown): Promise<Principal | undefined> {
    const token = bearerToken(authorization);
    if (!token) return undefined;
    const claims = this.claimsOf(token);
    if (!claims || !(await this.sessions.isActive(claims.sid))) return undefined;
    return { userId: claims.sub, orgId: claims.org, role: claims.role, sessionId: claims.sid };
  }

  private claimsOf(token: string): AccessTokenClaims | undefined {
    const known = this.verified.get(token);
    if (known) {
      if (known.exp === undefined || Math.floor(Date.now() / 1000) < known.exp) return known.claims;
      this.verified.delete(token);
      return undefined;
    }
    let payload: AccessTokenClaims & { exp?: number };
    try {
      payload = this.jwt.verify(token, {
        secret: this.key as unknown as string,
        algorithms: ['HS256'],
        issuer: 'waypoint',
        audience: 'waypoint-api',
        ignoreExpiration: false,
      });
    } catch {
      return undefined;
    }
    if (!payload.sub || !payload.org || typeof payload.sid !== 'string' || !ROLES.has(payload.role)) return undefined;
    const claims: AccessTokenClaims = { sub: payload.sub, org: payload.org, role: payload.role, sid: payload.sid };
    if (this.verified.size >= MAX_REMEMBERED) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { claims, exp: payload.exp });
    return claims;
  }
}

/** `Authorization: Bearer <token>`, read as passport-jwt's `fromAuthHeaderAsBearerToken` read it. */
function bearerToken(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /(\S+)\s+(\S+)/.exec(header);
  return match && match[1].toLowerCase() === 'bearer' ? match[2] : undefined;
}
