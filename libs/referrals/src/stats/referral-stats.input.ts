import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { DateTime, Modality } from '@referloop/common';

@InputType({ description: 'Which referrals to count: those sent in [from, to) that you may see, narrowed by the optional filters.' })
export class ReferralStatsInput {
  @Field(() => DateTime)
  @IsDate()
  from!: Date;

  @Field(() => DateTime, { description: 'Exclusive.' })
  @IsDate()
  to!: Date;

  @Field(() => ID, { nullable: true, description: 'Referrals sent from or received by this clinic.' })
  @IsOptional()
  @IsUUID('all', { message: 'clinicId must be an id returned by this API' })
  clinicId?: string;

  @Field(() => ID, { nullable: true, description: 'Referrals to or from this provider.' })
  @IsOptional()
  @IsUUID('all', { message: 'providerId must be an id returned by this API' })
  providerId?: string;

  @Field(() => Modality, { nullable: true })
  @IsOptional()
  @IsEnum(Modality)
  modality?: Modality;
}
