import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { DateTime, PageArgs, UserRole } from '@referloop/common';

@ObjectType()
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field(() => UserRole, { nullable: true })
  actorRole!: UserRole | null;

  @Field(() => String, { description: 'The GraphQL operation (or field) that was served.' })
  operation!: string;

  @Field(() => [ID])
  patientIds!: string[];

  @Field(() => [ID])
  referralIds!: string[];

  @Field(() => String, { nullable: true })
  ipAddress!: string | null;

  @Field(() => DateTime)
  at!: Date;
}

@InputType()
export class AuditEntryFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'patientId must be an id returned by this API' })
  patientId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'referralId must be an id returned by this API' })
  referralId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be an id returned by this API' })
  actorId?: string;

  @Field(() => DateTime, { nullable: true, description: 'Inclusive lower bound.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => DateTime, { nullable: true, description: 'Exclusive upper bound.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class AuditEntriesArgs extends PageArgs {
  @Field(() => AuditEntryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditEntryFilter)
  filter?: AuditEntryFilter;
}
