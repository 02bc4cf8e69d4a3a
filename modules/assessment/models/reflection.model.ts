import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../../src/common/pagination';
import { CrisisResourceModel } from '../../curriculum';
import { RiskCategory } from '../safety/risk-phrases';
import type { Reflection } from '../schemas/reflection.schema';

registerEnumType(RiskCategory, { name: 'RiskCategory', description: 'Which group of the documented risk phrase list a reflection matched.' });

@ObjectType('ReflectionVersion')
export class ReflectionVersionModel {
  @Field() text: string;
  @Field() at: Date;
  @Field(() => [RiskCategory]) flagReasons: RiskCategory[];
}

@ObjectType('ReflectionReview')
export class ReflectionReviewModel {
  @Field(() => ID) reviewerId: string;
  @Field() comment: string;
  @Field() at: Date;
}

@ObjectType('Reflection')
export class ReflectionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) learnerId: string;
  @Field({ nullable: true, description: 'Filled for care-team reads.' }) learnerName?: string;
  @Field(() => ID, { description: 'The lesson version last written against.' }) lessonId: string;
  @Field() courseSlug: string;
  @Field() lessonSlug: string;
  @Field() promptId: string;
  @Field({ description: 'The latest version.' }) text: string;
  @Field(() => [ReflectionVersionModel], { description: 'Oldest first; the last 20 are kept.' }) versions: ReflectionVersionModel[];
  @Field({ description: 'A version since the last review matched the risk phrase list.' }) flagged: boolean;
  @Field(() => [RiskCategory]) flagReasons: RiskCategory[];
  @Field({ description: 'A version has arrived since the last review.' }) awaitingReview: boolean;
  @Field({ nullable: true }) reviewPendingSince?: Date;
  @Field(() => [ReflectionReviewModel]) reviews: ReflectionReviewModel[];
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('ReflectionSafety')
export class ReflectionSafetyModel {
  @Field({ description: 'The text matched the documented risk phrase list; it goes to the top of the review queue.' }) flagged: boolean;
  @Field(() => [RiskCategory]) categories: RiskCategory[];
  @Field({ description: 'Shown to the learner at once. Says plainly that answers are not monitored around the clock.' }) message: string;
  @Field(() => [CrisisResourceModel]) crisisResources: CrisisResourceModel[];
}

@ObjectType('ReflectionSubmission')
export class ReflectionSubmissionModel {
  @Field(() => ReflectionModel) reflection: ReflectionModel;
  @Field(() => ReflectionSafetyModel) safety: ReflectionSafetyModel;
}

@ObjectType('ReflectionConnection')
export class ReflectionConnectionModel {
  @Field(() => [ReflectionModel]) nodes: ReflectionModel[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

export function toReflectionModel(r: Reflection, learnerName?: string): ReflectionModel {
  const versions = r.versions.map((v) => ({ text: v.text, at: v.at, flagReasons: [...(v.flagReasons ?? [])] }));
  return {
    id: r._id.toHexString(),
    learnerId: r.learnerId.toHexString(),
    learnerName,
    lessonId: r.lessonId.toHexString(),
    courseSlug: r.courseSlug,
    lessonSlug: r.lessonSlug,
    promptId: r.promptId,
    text: versions[versions.length - 1]?.text ?? '',
    versions,
    flagged: r.flagged,
    flagReasons: [...(r.flagReasons ?? [])],
    awaitingReview: Boolean(r.reviewPendingSince),
    reviewPendingSince: r.reviewPendingSince,
    reviews: (r.reviews ?? []).map((v) => ({ reviewerId: v.reviewerId.toHexString(), comment: v.comment, at: v.at })),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
