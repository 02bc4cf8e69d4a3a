import { Body, Controller, Header, HttpCode, Injectable, Post, Req, Res, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../src/auth/decorators';
import { BadInput, Forbidden, Unauthenticated } from '../../src/common/errors';
import { RateLimit } from '../../src/rate-limit/rate-limit';
import { AuthService } from './auth.service';
import { AcceptInviteInput } from './dto/identity.inputs';
import { InvitesService } from './invites.service';
import type { AuthPayload } from './models/user.model';

/** The cookie that carries the refresh token for the web app (see docs/decisions.md, "Browser sessions"). */
export const REFRESH_COOKIE = 'waypoint_refresh';
/** The header every cookie-authorized request must carry: a cross-site form cannot set it, and fetch() cannot without our CORS consent. */
export const CSRF_HEADER = 'x-waypoint-csrf';
const COOKIE_PATH = '/session';

class SignInBody {
  @IsString() @MaxLength(254) email: string;
  @IsString() @MaxLength(1024) password: string;
}

class SignOutBody {
  @IsOptional() @IsBoolean() everywhere?: boolean;
}

/** Runs before body validation, so a cross-site request is refused before anything else is looked at. */
@Injectable()
class CsrfHeaderGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    if (req.headers[CSRF_HEADER] !== '1') {
      throw new Forbidden(`This request must come from the Waypoint app (missing the ${CSRF_HEADER} header).`);
    }
    return true;
  }
}

/**
 * Browser sessions: the same sign-in, invite and rotation rules as the GraphQL
 * mutations, but the refresh token travels only in an HttpOnly cookie, so page
 * scripts (and anything injected into them) never see it. The access token is
 * returned in the body and kept in memory by the app.
 */
@Controller('session')
@UseGuards(CsrfHeaderGuard)
export class SessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly invites: InvitesService,
  ) {}

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @RateLimit('login')
  async signIn(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Body() body: SignInBody) {
    if (!body.email?.trim() || !body.password) throw new BadInput('Enter your email and password.');
    const user = await this.auth.verifyCredentials(body.email, body.password, req.ip ?? 'unknown');
    return withCookie(reply, await this.auth.startSession(user));
  }

  @Public()
  @Post('accept-invite')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @RateLimit('acceptInvite')
  async acceptInvite(@Res({ passthrough: true }) reply: FastifyReply, @Body() input: AcceptInviteInput) {
    const user = await this.invites.accept(input);
    return withCookie(reply, await this.auth.startSession(user));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @RateLimit('refreshSession')
  async refresh(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const token = req.cookies[REFRESH_COOKIE];
    if (!token) throw new Unauthenticated('You are signed out. Sign in again.');
    try {
      return withCookie(reply, await this.auth.refresh(token));
    } catch (error) {
      clearCookie(reply);
      throw error;
    }
  }

  /** Signs out this browser, or with `everywhere: true` every session of the account. */
  @Public()
  @Post('sign-out')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  async signOut(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Body() body: SignOutBody) {
    const token = req.cookies[REFRESH_COOKIE];
    clearCookie(reply);
    if (token) {
      if (body.everywhere) await this.auth.logoutEverywhere(token);
      else await this.auth.logout(token);
    }
    return { signedOut: true };
  }
}


function withCookie(reply: FastifyReply, payload: AuthPayload) {
  reply.setCookie(REFRESH_COOKIE, payload.refreshToken, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: COOKIE_PATH,
    expires: payload.refreshTokenExpiresAt,
  });
  const { refreshToken: _hidden, refreshTokenExpiresAt: _expiry, ...rest } = payload;
  return rest;
}

function clearCookie(reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, { httpOnly: true, secure: true, sameSite: 'strict', path: COOKIE_PATH });
}
