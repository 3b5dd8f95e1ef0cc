import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length, MaxLength } from 'class-validator';
import { PASSWORD_LENGTH, PASSWORD_LENGTH_MESSAGE } from '../password-policy';

@InputType()
export class ChangePasswordInput {
  @Field(() => String, { description: 'The password the user signs in with now.' })
  @IsString()
  @MaxLength(200)
  currentPassword!: string;

  @Field(() => String, { description: 'At least 12 characters; not containing the email address or name.' })
  @IsString()
  @Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max, { message: PASSWORD_LENGTH_MESSAGE('newPassword') })
  newPassword!: string;
}
