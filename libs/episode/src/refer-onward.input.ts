import { Field, ID, InputType, IntersectionType, PickType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { EpisodeCommandFields } from './episode-command.input';
import { PoolInput, ReferralContentFields } from '@referloop/referrals';

/**
 * The treating provider refers the patient on (e.g. to physical therapy for strengthening). The
 * patient, conditions, assessment and red flags come from the episode (`referralId`); this says
 * where, for what and why, and whether the patient agreed to share them with someone new.
 */
@InputType()
export class ReferOnwardInput extends IntersectionType(
  EpisodeCommandFields,
  PickType(ReferralContentFields, ['modality', 'reason', 'techniques', 'priority'] as const, InputType),
  InputType,
) {
  @Field(() => ID, { nullable: true, description: 'The provider it is for; or give toPool instead.' })
  @IsOptional()
  @IsUUID('all', { message: 'toProviderId must be an id returned by this API' })
  toProviderId?: string;

  @Field(() => PoolInput, { nullable: true, description: 'Offer it to every eligible provider nearby instead of one.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PoolInput)
  toPool?: PoolInput;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'false when the patient did not agree to share it with the new provider: then nothing is sent. Omitted, the consent the episode was referred with carries over.',
  })
  @IsOptional()
  @IsBoolean()
  consentToShare?: boolean | null;
}
