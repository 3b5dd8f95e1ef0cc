import { applyDecorators } from '@nestjs/common';
import { Field, Float } from '@nestjs/graphql';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_RADIUS_KM, MAX_RADIUS_KM } from './match-request';

/** An optional search radius in kilometres: matching and open referrals share its default and bounds. */
export const RadiusKmField = () =>
  applyDecorators(
    Field(() => Float, { nullable: true, defaultValue: DEFAULT_RADIUS_KM, description: `Kilometres, at most ${MAX_RADIUS_KM}.` }),
    IsOptional(),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(0.1, { message: 'radiusKm must be at least 0.1' }),
    Max(MAX_RADIUS_KM, { message: `radiusKm must be at most ${MAX_RADIUS_KM}` }),
  );
