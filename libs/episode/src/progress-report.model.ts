import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTime } from '@referloop/common';
import { TreatmentProgress } from './progress.model';

export enum ProgressReportTrigger {
  /** Written by itself every PROGRESS_REPORT_EVERY_VISITS attended visits. */
  EVERY_N_VISITS = 'EVERY_N_VISITS',
  /** Sent by the treating provider with sendProgressReport. */
  ON_DEMAND = 'ON_DEMAND',
}
registerEnumType(ProgressReportTrigger, { name: 'ProgressReportTrigger' });

@ObjectType({ description: 'An interim report to the referrer: the progress of the episode as it stood when it was written, kept unchanged.' })
export class ProgressReport {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '1, 2, … per referral.' })
  number!: number;

  @Field(() => ProgressReportTrigger)
  trigger!: ProgressReportTrigger;

  @Field(() => TreatmentProgress)
  progress!: TreatmentProgress;

  @Field(() => String, { nullable: true, description: "The treating provider's comments, for reports sent on demand." })
  comments!: string | null;

  @Field(() => DateTime)
  writtenAt!: Date;

  /** Resolved to `writtenBy` (a User): the provider whose visit or demand produced it. */
  writtenByUserId!: string;
}
