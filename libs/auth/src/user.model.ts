import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTime, UserRole } from '@referloop/common';

@ObjectType()
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => UserRole)
  role!: UserRole;

  @Field(() => ID, { nullable: true })
  clinicId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The provider profile of this user, if any.' })
  providerId!: string | null;

  @Field(() => Boolean)
  disabled!: boolean;

  @Field(() => DateTime)
  createdAt!: Date;
}

@ObjectType()
export class AuthPayload {
  @Field(() => String)
  accessToken!: string;

  @Field(() => DateTime)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}
