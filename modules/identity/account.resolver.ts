import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import { BadInput } from '../../src/common/errors';
import type { GraphQLContext } from '../../src/graphql/context';
import { RateLimit } from '../../src/rate-limit/rate-limit';
import { AccountService } from './account.service';
import { UpdateUserInput } from './dto/identity.inputs';
import { toUserModel, UserModel } from './models/user.model';
import { PasswordRecoveryService } from './password-recovery.service';
import { PASSWORD_MAX_LENGTH } from './passwords';
import { EVERYONE } from './policy/roles';

/** Arguments are plain strings (the contract names them), so their bounds are checked here. */
function bounded(value: string, field: string, max: number): string {
  if (value.length > max) throw new BadInput(`${field} is too long.`, { field });
  return value;
}

/** Accounts: password recovery and change, profile and email changes, deactivation. */
@Resolver()
export class AccountResolver {
  constructor(
    private readonly passwords: PasswordRecoveryService,
    private readonly accounts: AccountService,
  ) {}

  @Public()
  @RateLimit('passwordReset')
  @Mutation(() => Boolean, {
    description:
      'Mails a link to set a new password (valid 30 minutes, once; a new request voids the last). Answers true whether or not the address has an account.',
  })
  async requestPasswordReset(@Args('email') email: string): Promise<boolean> {
    if (!email.trim()) throw new BadInput('Enter your email address.', { field: 'email' });
    await this.passwords.request(bounded(email, 'email', 254));
    return true;
  }

  @Public()
  @RateLimit('passwordReset')
  @Mutation(() => Boolean, { description: 'Sets a new password with the token from a reset link, and signs the account out everywhere.' })
  async resetPassword(@Args('token') token: string, @Args('newPassword') newPassword: string): Promise<boolean> {
    await this.passwords.reset(bounded(token, 'token', 200), bounded(newPassword, 'newPassword', PASSWORD_MAX_LENGTH * 4));
    return true;
  }

  @Roles(...EVERYONE)
  @Mutation(() => Boolean, { description: 'Changes your password. Your other sessions end; this one stays signed in.' })
  async changePassword(
    @CurrentUser() viewer: Principal,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
    @Context() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.passwords.change(viewer, bounded(currentPassword, 'currentPassword', 1024), bounded(newPassword, 'newPassword', PASSWORD_MAX_LENGTH * 4), ctx.req.ip ?? 'unknown');
    return true;
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, {
    description: 'Deactivates an account: every session ends at once and sign-in is refused; every record is kept. The reason goes into the audit trail.',
  })
  async deactivateUser(@CurrentUser() admin: Principal, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<UserModel> {
    return toUserModel(await this.accounts.deactivate(admin, id, reason), true);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, { description: 'Lets a deactivated account sign in again.' })
  async reactivateUser(@CurrentUser() admin: Principal, @Args('id', { type: () => ID }) id: string): Promise<UserModel> {
    return toUserModel(await this.accounts.reactivate(admin, id), true);
  }

  @Roles(...EVERYONE)
  @Mutation(() => UserModel, {
    description:
      'Changes a display name (yourself, or anyone as an admin), proposes a new email address (confirmed from a link mailed to it) or, as an admin, changes a role among ADMIN, CLINICIAN and STAFF.',
  })
  async updateUser(@CurrentUser() viewer: Principal, @Args('input') input: UpdateUserInput): Promise<UserModel> {
    return toUserModel(await this.accounts.update(viewer, input), true);
  }

  @Public()
  @RateLimit('confirmEmail')
  @Mutation(() => Boolean, { description: 'Confirms a new email address with the token from the link mailed to it (PUBLIC_BASE_URL/confirm-email/<token>, 24 hours, once).' })
  async confirmEmailChange(@Args('token') token: string): Promise<boolean> {
    await this.accounts.confirmEmailChange(bounded(token, 'token', 200));
    return true;
  }
}
