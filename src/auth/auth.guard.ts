import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import { Forbidden, Unauthenticated } from '../common/errors';
import { RequestContext } from '../common/request-context';
import { IS_PUBLIC, ROLES, requestOf } from './decorators';
import type { Principal, Role } from './principal';

/**
 * The global guard: every operation needs a valid access token unless marked
 * @Public, and then one of the roles its @Roles names. An operation with
 * neither is refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class AuthGuard extends PassportAuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly requestContext: RequestContext,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(context);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    const user = requestOf(context).user as Principal;
    this.requestContext.setViewer(user);
    if (!roles) throw new Forbidden('This operation is not open to any role.');
    if (!roles.includes(user.role)) throw new Forbidden();
    return true;
  }

  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error || !user) throw new Unauthenticated('Your session is missing, invalid or expired. Sign in again.');
    return user;
  }
}
