import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { connectionType, DateTime } from '@referloop/common';
import { AccountEventKind } from './account-event';

/** One thing that happened to an account. */
@ObjectType()
export class AccountEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTime)
  at!: Date;

  @Field(() => AccountEventKind)
  event!: AccountEventKind;

  @Field(() => ID, { nullable: true, description: 'Who did it; null when nobody was signed in (a sign-in, a link used).' })
  actorId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Whose account; null for a sign-in at an address with no account.' })
  userId!: string | null;

  @Field(() => String, { nullable: true })
  ipAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'A code saying more: why a sign-in failed, which roles, how a session ended.' })
  detail!: string | null;
}

@ObjectType()
export class AccountEventConnection extends connectionType(AccountEvent, 'AccountEvent') {}

@InputType()
export class AccountEventFilter {
  @Field(() => ID, { nullable: true, description: 'One account’s events.' })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be an id returned by this API' })
  userId?: string | null;
}
