import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { CreateClinicInput } from './create-clinic.input';

/** The fields given change; those left out stay. `phone: null` removes the phone number. */
@InputType()
export class UpdateClinicInput extends PartialType(CreateClinicInput, InputType) {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id returned by this API' })
  id!: string;

  @Field(() => Boolean, { nullable: true, description: 'Everyone of the clinic must sign in with a second factor (an authenticator app); those not enrolled yet enrol at their next sign-in.' })
  @IsOptional()
  @IsBoolean()
  requireTwoFactor?: boolean | null;
}
