import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UseGuards } from '@nestjs/common';
import { CurrentUser, Public, Roles } from '../../src/auth/decorators';
import type { Principal } from '../../src/auth/principal';
import { EVERYONE } from './policy/roles';
import { NotFound } from '../../src/common/errors';
import { RateLimit } from '../../src/rate-limit/rate-limit';
import { AuthService } from './auth.service';
import { AcceptInviteInput } from './dto/identity.inputs';
import { InvitesService } from './invites.service';
import { LoginGuard } from './local.strategy';
import { AuthPayload, OrganizationModel, toOrganizationModel, toUserModel, UserModel } from './models/user.model';
import type { User } from './schemas/user.schema';
import { UsersService } from './users.service';


@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly invites: InvitesService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @UseGuards(LoginGuard)
  // Below LoginGuard so that it runs first (decorators apply bottom-up): a client over its
  // limit is refused before any password is checked.
  @RateLimit('login')
  @Mutation(() => AuthPayload, { description: 'Sign in. Repeated failures from one network make it wait before trying that address again.' })
  login(
    @Args('email') _email: string,
    @Args('password') _password: string,
    @Context() ctx: { loginRequest: { user: User } },
  ): Promise<AuthPayload> {
    return this.auth.startSession(ctx.loginRequest.user);
  }

  @Public()
  @RateLimit('refreshSession')
  @Mutation(() => AuthPayload, { description: 'Exchange a refresh token for a new access token and refresh token. Each refresh token works once.' })
  refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    return this.auth.refresh(refreshToken);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'End the session the refresh token belongs to.' })
  async logout(@Args('refreshToken') refreshToken: string): Promise<boolean> {
    await this.auth.logout(refreshToken);
    return true;
  }

  @Public()
  @RateLimit('acceptInvite')
  @Mutation(() => AuthPayload, { description: 'Create your account from an invite code and sign in.' })
  async acceptInvite(@Args('input') input: AcceptInviteInput): Promise<AuthPayload> {
    const user = await this.invites.accept(input);
    return this.auth.startSession(user);
  }

  @Roles(...EVERYONE)
  @Query(() => UserModel, { description: 'The signed-in person.' })
  async me(@CurrentUser() principal: Principal): Promise<UserModel> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw new NotFound('Your account');
    return toUserModel(user, true);
  }

  @Roles(...EVERYONE)
  @Query(() => OrganizationModel, { description: "The signed-in person's organization." })
  async myOrganization(@CurrentUser() principal: Principal): Promise<OrganizationModel> {
    return toOrganizationModel(await this.users.organization(principal.orgId));
  }
}
