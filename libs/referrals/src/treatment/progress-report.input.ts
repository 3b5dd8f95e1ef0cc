import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class SendProgressReportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'referralId must be an id returned by this API' })
  referralId!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;

  @Field(() => String, { nullable: true, description: 'Your comments for the referrer, stored with the report.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comments?: string | null;
}
