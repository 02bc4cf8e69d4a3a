import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Forbidden, Unauthenticated } from '../common/errors';
import { RequestContext } from '../common/request-context';
import { AccessTokens } from './access-tokens';
import { IS_PUBLIC, ROLES, requestOf } from './decorators';
import type { Role } from './principal';

interface Rule {
  open: boolean;
  roles?: readonly Role[];
}

/**
 * The global guard: every operation needs a valid access token unless marked
 * @Public, and then one of the roles its @Roles names. An operation with
 * neither is refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /** Decorators do not change at run time, so each handler's are read once. */
  private readonly rules = new WeakMap<object, WeakMap<object, Rule>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly requestContext: RequestContext,
    private readonly tokens: AccessTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.ruleFor(context);
    if (rule.open) return true;
    const request = requestOf(context);
    const user = await this.tokens.principalOf(request.headers.authorization);
    if (!user) throw new Unauthenticated('Your session is missing, invalid or expired. Sign in again.');
    request.user = user;
    this.requestContext.setViewer(user);
    if (!rule.roles) throw new Forbidden('This operation is not open to any role.');
    if (!rule.roles.includes(user.role)) throw new Forbidden();
    return true;
  }

  private ruleFor(context: ExecutionContext): Rule {
    const handler = context.getHandler();
    const owner = context.getClass();
    // One method can serve more than one class (a base resolver's), and class decorators count too: keyed by both.
    let byHandler = this.rules.get(owner);
    if (!byHandler) this.rules.set(owner, (byHandler = new WeakMap()));
    let rule = byHandler.get(handler);
    if (!rule) {
      const targets = [handler, owner];
      rule = {
        open: Boolean(this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)),
        roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets),
      };
      byHandler.set(handler, rule);
    }
    return rule;
  }
}
