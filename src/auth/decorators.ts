import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Unauthenticated } from '../common/errors';
import type { Principal, Role } from './principal';

export const IS_PUBLIC = 'waypoint:isPublic';
export const ROLES = 'waypoint:roles';

/** Open to anyone, signed in or not. Every use is a deliberate exception. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Signed-in callers with one of these roles. Every resolver method carries this or @Public. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const req = requestOf(context);
  if (!req.user) throw new Unauthenticated();
  return req.user;
});

export function requestOf(context: ExecutionContext): { user?: Principal; headers: Record<string, unknown>; ip?: string; id?: unknown } {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext().req;
  }
  return context.switchToHttp().getRequest();
}
