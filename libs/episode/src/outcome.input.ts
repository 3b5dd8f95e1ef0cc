import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { OutcomeInput, ReferralCommandInput } from '@referloop/referrals';

@InputType()
export class CompleteReferralInput extends ReferralCommandInput {
  @Field(() => OutcomeInput)
  @ValidateNested()
  @Type(() => OutcomeInput)
  outcome!: OutcomeInput;
}
