import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { Modality, PageArgs } from '@referloop/common';
import { ReferralPriority, ReferralStatus } from '@referloop/lifecycle';

export enum ReferralDirection {
  /** Sent to you (your clinic or you as provider). */
  INBOUND = 'INBOUND',
  /** Sent by you (your clinic, or you as provider). */
  OUTBOUND = 'OUTBOUND',
}
registerEnumType(ReferralDirection, { name: 'ReferralDirection' });

@InputType()
export class ReferralFilter {
  @Field(() => [ReferralStatus], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEnum(ReferralStatus, { each: true })
  status?: ReferralStatus[];

  @Field(() => ReferralDirection, { nullable: true })
  @IsOptional()
  @IsEnum(ReferralDirection)
  direction?: ReferralDirection;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'patientId must be an id returned by this API' })
  patientId?: string;

  @Field(() => Modality, { nullable: true })
  @IsOptional()
  @IsEnum(Modality)
  modality?: Modality;

  @Field(() => ReferralPriority, { nullable: true })
  @IsOptional()
  @IsEnum(ReferralPriority)
  priority?: ReferralPriority;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only referrals on which you have something to do now (see Referral.needsAction); false: only those with nothing.',
  })
  @IsOptional()
  @IsBoolean()
  needsAction?: boolean;
}

@ArgsType()
export class ReferralsArgs extends PageArgs {
  @Field(() => ReferralFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReferralFilter)
  filter?: ReferralFilter;
}
