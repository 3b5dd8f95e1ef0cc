import { Field, ID, InputType, Int, PickType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { PoolInput, ReferralContentFields } from './referral-content.input';

/**
 * The treating provider refers the patient on (e.g. to physical therapy for strengthening). The
 * patient, conditions, assessment, red flags and consent come from the episode; this says where,
 * for what and why.
 */
@InputType()
export class ReferOnwardInput extends PickType(ReferralContentFields, ['modality', 'reason', 'techniques', 'priority'] as const, InputType) {
  @Field(() => ID, { description: 'The episode (the referral you are treating or have treated).' })
  @IsUUID('all', { message: 'referralId must be an id returned by this API' })
  referralId!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;

  @Field(() => ID, { nullable: true, description: 'The provider it is for; or give toPool instead.' })
  @IsOptional()
  @IsUUID('all', { message: 'toProviderId must be an id returned by this API' })
  toProviderId?: string;

  @Field(() => PoolInput, { nullable: true, description: 'Offer it to every eligible provider nearby instead of one.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PoolInput)
  toPool?: PoolInput;
}
