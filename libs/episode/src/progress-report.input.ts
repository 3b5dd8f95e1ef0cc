import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { EpisodeCommandFields } from './episode-command.input';

@InputType()
export class SendProgressReportInput extends EpisodeCommandFields {
  @Field(() => String, { nullable: true, description: 'Your comments for the referrer, stored with the report.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comments?: string | null;
}
