import { Field, Float, InputType, ObjectType } from '@nestjs/graphql';
import { IsLatitude, IsLongitude } from 'class-validator';

@InputType()
export class GeoPointInput {
  @Field(() => Float)
  @IsLatitude({ message: 'latitude must be between -90 and 90' })
  latitude!: number;

  @Field(() => Float)
  @IsLongitude({ message: 'longitude must be between -180 and 180' })
  longitude!: number;
}

@ObjectType()
export class GeoPoint {
  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;
}

export function geoPoint(latitude: number | null, longitude: number | null): GeoPoint | null {
  return latitude === null || longitude === null ? null : { latitude, longitude };
}
