import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DateTime, IsNotBlank } from '@referloop/common';
import { DeclineReason } from '@referloop/lifecycle';

/** Every lifecycle mutation names the referral and may pin the version it was looking at. */
@InputType({ isAbstract: true })
export class ReferralCommandInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id returned by this API' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'The version you saw; a newer one answers CONFLICT.' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;
}

@InputType()
export class SendReferralInput extends ReferralCommandInput {}

@InputType()
export class RequestReferralInfoInput extends ReferralCommandInput {
  @Field(() => String, { description: 'What the receiver needs to know.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  question!: string;
}

@InputType()
export class ProvideReferralInfoInput extends ReferralCommandInput {
  @Field(() => String)
  @IsString()
  @IsNotBlank()
  @MaxLength(4000)
  answer!: string;
}

@InputType()
export class AcceptReferralInput extends ReferralCommandInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType()
export class DeclineReferralInput extends ReferralCommandInput {
  @Field(() => DeclineReason)
  @IsEnum(DeclineReason)
  reason!: DeclineReason;

  @Field(() => String, { nullable: true, description: 'Required when reason is OTHER.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType()
export class CancelReferralInput extends ReferralCommandInput {
  @Field(() => String, { nullable: true, description: 'Required once the referral has been accepted.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
}

@InputType()
export class ScheduleReferralInput extends ReferralCommandInput {
  @Field(() => DateTime)
  @IsDate()
  appointmentAt!: Date;
}

@InputType()
export class StartReferralTreatmentInput extends ReferralCommandInput {}

@InputType()
export class AcknowledgeReferralOutcomeInput extends ReferralCommandInput {}

@InputType()
export class RedirectReferralInput extends ReferralCommandInput {
  @Field(() => ID, { description: 'The provider to send a new referral to.' })
  @IsUUID('all', { message: 'toProviderId must be an id returned by this API' })
  toProviderId!: string;
}
