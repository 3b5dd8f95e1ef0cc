import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTime, LocalDate } from '@referloop/common';

@ObjectType()
export class Patient {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  clinicId!: string;

  @Field(() => String)
  firstName!: string;

  @Field(() => String)
  lastName!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => LocalDate)
  dateOfBirth!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => Boolean, { description: 'Whether the patient agreed to status emails.' })
  emailConsent!: boolean;

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => DateTime)
  updatedAt!: Date;
}
