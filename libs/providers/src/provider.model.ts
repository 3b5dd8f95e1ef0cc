import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Condition, DateTime, GeoPoint, Modality, Technique } from '@referloop/common';

@ObjectType()
export class Provider {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  clinicId!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => String)
  email!: string;

  @Field(() => [Modality])
  modalities!: Modality[];

  @Field(() => [Technique])
  techniques!: Technique[];

  @Field(() => [Condition])
  conditions!: Condition[];

  @Field(() => Boolean)
  acceptingNewPatients!: boolean;

  @Field(() => Int)
  weeklyCapacity!: number;

  @Field(() => GeoPoint, { nullable: true })
  location!: GeoPoint | null;

  @Field(() => [String], { description: 'ISO 639-1 codes of the languages treated in.' })
  languages!: string[];

  @Field(() => String, { nullable: true })
  postalCode!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => DateTime)
  createdAt!: Date;
}
