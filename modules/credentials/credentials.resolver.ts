import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import { PageArgs } from '../../src/common/pagination';
import { EVERYONE } from '../identity';
import { CertificatesService } from './certificates.service';
import { CompletionRecordsService, type RecordPage } from './completion-records.service';
import { CompletionSharesService } from './completion-shares.service';
import {
  CompletionRecordsArgs,
  CreateCompletionShareInput,
  LearnerCompletionRecordsArgs,
  RevokeCompletionRecordArgs,
  VerifyCompletionArgs,
} from './dto/credentials.inputs';
import {
  CompletionBadgeModel,
  CompletionRecordConnection,
  CompletionRecordModel,
  CompletionShareCreated,
  CompletionShareModel,
  CompletionVerificationModel,
  toCompletionRecordModel,
  toCompletionShareModel,
} from './models/credentials.models';
import { RateLimit } from '../../src/rate-limit/rate-limit';

@Resolver()
export class CredentialsResolver {
  constructor(
    private readonly records: CompletionRecordsService,
    private readonly shares: CompletionSharesService,
    private readonly certificates: CertificatesService,
  ) {}

  @Public()
  @RateLimit('verify')
  @Query(() => CompletionVerificationModel, {
    description:
      'Anyone, signed in or not: check a verification code (staff records) or a share code. Answers only name, course, date, hours and status; ' +
      'a private record that is not shared answers exactly like a code that does not exist.',
  })
  verifyCompletion(@Args() args: VerifyCompletionArgs): Promise<CompletionVerificationModel> {
    return this.shares.verify(args.code);
  }

  @Roles(...EVERYONE)
  @Query(() => CompletionRecordConnection, { description: 'Your completion records, newest first.' })
  async myCompletionRecords(@CurrentUser() viewer: Principal, @Args() page: PageArgs): Promise<CompletionRecordConnection> {
    return this.connection(viewer, await this.records.mine(viewer, page.first, page.after));
  }

  @Roles(Role.ADMIN, Role.CLINICIAN, Role.FAMILY)
  @Query(() => CompletionRecordConnection, {
    description: "One learner's completion records: the care team, or a linked family member while the patient's consent covers COMPLETIONS. Audited.",
  })
  async learnerCompletionRecords(
    @CurrentUser() viewer: Principal,
    @Args() args: LearnerCompletionRecordsArgs,
  ): Promise<CompletionRecordConnection> {
    return this.connection(viewer, await this.records.ofLearner(viewer, args.learnerId, args.first, args.after));
  }

  @Roles(Role.ADMIN)
  @Query(() => CompletionRecordConnection, {
    description: "The organization's completion records, newest issue first; revoked ones only with includeRevoked. Reads of clients' records are audited.",
  })
  async completionRecords(@CurrentUser() viewer: Principal, @Args() args: CompletionRecordsArgs): Promise<CompletionRecordConnection> {
    return this.connection(viewer, await this.records.list(viewer, args.filter ?? {}, args.first, args.after));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CompletionRecordModel, { description: 'Revokes a record: it then verifies as REVOKED. Audited; revoking twice changes nothing.' })
  async revokeCompletionRecord(@CurrentUser() viewer: Principal, @Args() args: RevokeCompletionRecordArgs): Promise<CompletionRecordModel> {
    const record = await this.records.revoke(viewer, args.id, args.reason);
    return toCompletionRecordModel(record, { showCode: true, showScore: true, baseUrl: this.records.baseUrl });
  }

  @Roles(...EVERYONE)
  @Mutation(() => CompletionShareCreated, {
    description: 'Lets whoever holds the returned code verify one of your records until expiresAt. Recorded as a disclosure; revoke it any time.',
  })
  async createCompletionShare(@CurrentUser() viewer: Principal, @Args('input') input: CreateCompletionShareInput): Promise<CompletionShareCreated> {
    const created = await this.shares.create(viewer, input.recordId, input.expiresAt);
    return { share: toCompletionShareModel(created.share), shareCode: created.shareCode, verifyUrl: created.verifyUrl };
  }

  @Roles(...EVERYONE)
  @Mutation(() => CompletionShareModel, { description: 'Ends a share now: its code then verifies like an unknown code.' })
  async revokeCompletionShare(@CurrentUser() viewer: Principal, @Args('id', { type: () => ID }) id: string): Promise<CompletionShareModel> {
    return toCompletionShareModel(await this.shares.revoke(viewer, id));
  }

  @Roles(...EVERYONE)
  @Query(() => [CompletionShareModel], { description: 'Your shares of one of your records, newest first (at most 100).' })
  async completionShares(@CurrentUser() viewer: Principal, @Args('recordId', { type: () => ID }) recordId: string): Promise<CompletionShareModel[]> {
    return (await this.shares.list(viewer, recordId)).map((s) => toCompletionShareModel(s));
  }

  @Roles(...EVERYONE)
  @Query(() => CompletionBadgeModel, { description: 'Your record (or, for admins, any record) as an Open Badges 3.0 credential signed as a JWT.' })
  completionBadge(@CurrentUser() viewer: Principal, @Args('recordId', { type: () => ID }) recordId: string): Promise<CompletionBadgeModel> {
    return this.certificates.badge(viewer, recordId);
  }

  private connection(viewer: Principal, page: RecordPage): CompletionRecordConnection {
    return {
      nodes: page.nodes.map((r) => toCompletionRecordModel(r, { showCode: this.records.showsCodeTo(viewer, r), showScore: page.showScore, baseUrl: this.records.baseUrl })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      redisclosureNotice: page.redisclosureNotice,
    };
  }
}
