import { Injectable, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { BadInput } from '../../src/common/errors';
import { AuthService } from './auth.service';
import type { User } from './schemas/user.schema';

/** Passport's local strategy: email and password in, the user out. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: { ip?: string }, email: string, password: string): Promise<User> {
    return this.auth.verifyCredentials(email, password, request.ip ?? 'unknown');
  }
}

/**
 * Runs the local strategy for the `login` mutation. Passport reads credentials
 * from a request body, so the guard hands it the mutation's arguments as one,
 * and leaves the authenticated user on the GraphQL request for the resolver.
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  override getRequest(context: ExecutionContext) {
    const gql = GqlExecutionContext.create(context);
    const { email, password } = gql.getArgs<{ email: string; password: string }>();
    if (!email?.trim() || !password) throw new BadInput('Enter your email and password.');
    const ctx = gql.getContext();
    ctx.loginRequest = { body: { email, password }, headers: ctx.req.headers, ip: ctx.req.ip };
    return ctx.loginRequest;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    return user;
  }
}
