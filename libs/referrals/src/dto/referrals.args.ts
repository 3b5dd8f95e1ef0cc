import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, registerDecorator, ValidateNested } from 'class-validator';
import { IsNotBlank, Modality, PageArgs } from '@referloop/common';
import { MAX_NAME_WORDS } from '@referloop/patients';
import { ReferralPriority, ReferralStatus } from '@referloop/lifecycle';
import { MAX_SEARCH_LENGTH, referralSearchOf } from '../filters/referral-search';

export enum ReferralDirection {
  /** Sent to you (your clinic or you as provider). */
  INBOUND = 'INBOUND',
  /** Sent by you (your clinic, or you as provider). */
  OUTBOUND = 'OUTBOUND',
}
registerEnumType(ReferralDirection, { name: 'ReferralDirection' });

/** A search the list can run: the start of a reference, or a name in at most MAX_NAME_WORDS words. */
function IsReferralSearch(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isReferralSearch',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property must be the start of a reference (RF-…) or of a patient's name, in at most ${MAX_NAME_WORDS} words` },
      validator: { validate: (value: unknown) => typeof value === 'string' && referralSearchOf(value) !== null },
    });
}

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

  @Field(() => String, {
    nullable: true,
    description:
      "The start of a reference (RF-7K3Q9P, rf-7k) or of the words of the patient's name (smi, ann smi, mary ann), case and accents ignored: " +
      `each word begins a word of the name, one of them the first or the last name. At most ${MAX_SEARCH_LENGTH} characters and ${MAX_NAME_WORDS} words.`,
  })
  // class-validator checks these from the bottom up and reports the first failure.
  @IsReferralSearch()
  @MaxLength(MAX_SEARCH_LENGTH)
  @IsNotBlank()
  @IsString()
  @IsOptional()
  search?: string;

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
