import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public, Roles } from '../../src/auth/decorators';
import type { Principal } from '../../src/auth/principal';
import { BadInput } from '../../src/common/errors';
import type { GraphQLContext } from '../../src/graphql/context';
import { RateLimit } from '../../src/rate-limit/rate-limit';
import { PasswordRecoveryService } from './password-recovery.service';
import { PASSWORD_MAX_LENGTH } from './passwords';
import { EVERYONE } from './policy/roles';

/** Arguments are plain strings (the contract names them), so their bounds are checked here. */
function bounded(value: string, field: string, max: number): string {
  if (value.length > max) throw new BadInput(`${field} is too long.`, { field });
  return value;
}

/** A person's own account: password recovery and change. */
@Resolver()
export class AccountResolver {
  constructor(private readonly passwords: PasswordRecoveryService) {}

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
}
