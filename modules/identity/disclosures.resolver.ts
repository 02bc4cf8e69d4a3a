import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import { PageArgs } from '../../src/common/pagination';
import { DisclosuresService } from './disclosures.service';
import { DisclosureConnection } from './models/disclosure.model';

/** Reading one's own disclosure history is not itself audited (no one else's records are read). */
@Resolver()
export class DisclosuresResolver {
  constructor(private readonly disclosures: DisclosuresService) {}

  @Roles(Role.PATIENT)
  @Query(() => DisclosureConnection, { description: 'Every time a family member, or someone with a share code, saw your records; newest first.' })
  myDisclosures(@CurrentUser() patient: Principal, @Args() page: PageArgs): Promise<DisclosureConnection> {
    return this.disclosures.page(patient.orgId, patient.userId, page.first, page.after);
  }
}
