import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import {
  CreateTrainingRequirementInput,
  StaffComplianceArgs,
  StaffCompliancePageModel,
  toStaffComplianceRow,
  toTrainingRequirementModel,
  TrainingRequirementModel,
  TrainingRequirementsArgs,
  UpdateTrainingRequirementInput,
} from './models/training.models';
import { TrainingService } from './training.service';

@Resolver()
export class TrainingResolver {
  constructor(private readonly training: TrainingService) {}

  @Roles(Role.ADMIN)
  @Mutation(() => TrainingRequirementModel, { description: 'Admins: a training requirement — a staff course, who must take it, when it is first due, how it recurs and how long a completion counts.' })
  async createTrainingRequirement(@CurrentUser() admin: Principal, @Args('input') input: CreateTrainingRequirementInput): Promise<TrainingRequirementModel> {
    return toTrainingRequirementModel(await this.training.create(admin, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => TrainingRequirementModel, { description: 'Changes a training requirement; fields left out stay as they are. Compliance is recomputed from the new terms.' })
  async updateTrainingRequirement(
    @CurrentUser() admin: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateTrainingRequirementInput,
  ): Promise<TrainingRequirementModel> {
    return toTrainingRequirementModel(await this.training.update(admin, id, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => TrainingRequirementModel, { description: 'Retires a training requirement: it assigns and gates nothing more; records and history stay.' })
  async archiveTrainingRequirement(@CurrentUser() admin: Principal, @Args('id', { type: () => ID }) id: string): Promise<TrainingRequirementModel> {
    return toTrainingRequirementModel(await this.training.archive(admin, id));
  }

  @Roles(Role.ADMIN)
  @Query(() => [TrainingRequirementModel], { description: "Admins: the organization's training requirements, oldest first." })
  async trainingRequirements(@CurrentUser() admin: Principal, @Args() args: TrainingRequirementsArgs): Promise<TrainingRequirementModel[]> {
    return (await this.training.list(admin, args.includeArchived)).map(toTrainingRequirementModel);
  }

  @Roles(Role.ADMIN)
  @Query(() => StaffCompliancePageModel, {
    description:
      'Each staff member × assigned course, with due date and status, and × training requirement, with COMPLIANT / DUE_SOON / OVERDUE / EXPIRED and the dates. Filters keep requirement rows only. As a file: GET /staff-compliance.csv.',
  })
  async staffCompliance(@CurrentUser() viewer: Principal, @Args() args: StaffComplianceArgs): Promise<StaffCompliancePageModel> {
    const result = await this.training.compliance(viewer, { first: args.first, after: args.after }, { status: args.status, requirementId: args.requirementId, role: args.role });
    return { nodes: result.rows.map(toStaffComplianceRow), pageInfo: { hasNextPage: result.hasNextPage, endCursor: result.endCursor } };
  }
}
