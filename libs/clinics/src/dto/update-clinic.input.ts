import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CreateClinicInput } from './create-clinic.input';

/** The fields given change; those left out stay. `phone: null` removes the phone number. */
@InputType()
export class UpdateClinicInput extends PartialType(CreateClinicInput, InputType) {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id returned by this API' })
  id!: string;
}
