import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID } from 'class-validator';

/** What every step of an episode names: the referral, and optionally the version the client loaded. */
@InputType({ isAbstract: true })
export class EpisodeCommandFields {
  @Field(() => ID)
  @IsUUID('all', { message: 'referralId must be an id returned by this API' })
  referralId!: string;

  @Field(() => Int, { nullable: true, description: "The referral's version you loaded; a stale one is a CONFLICT." })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;
}
