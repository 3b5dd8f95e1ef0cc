import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTime, GeoPoint } from '@referloop/common';

@ObjectType()
export class Address {
  @Field(() => String)
  line1!: string;

  @Field(() => String)
  city!: string;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => String)
  postalCode!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string;
}

@ObjectType()
export class Clinic {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { description: 'IANA time zone; times are shown to this clinic in it.' })
  timeZone!: string;

  @Field(() => Address)
  address!: Address;

  @Field(() => GeoPoint, { nullable: true })
  location!: GeoPoint | null;

  @Field(() => Boolean, { description: 'Everyone of the clinic must sign in with a second factor.' })
  requireTwoFactor!: boolean;

  @Field(() => DateTime)
  createdAt!: Date;
}
