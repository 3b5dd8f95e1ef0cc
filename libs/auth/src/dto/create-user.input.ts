import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';
import { InviteUserInput } from '../accounts/dto/account-inputs';
import { PASSWORD_LENGTH, PASSWORD_LENGTH_MESSAGE } from '../password-policy';

/** An invitation's fields and the password itself: for automation and tests, where nobody reads an email. */
@InputType()
export class CreateUserInput extends InviteUserInput {
  @Field(() => String, { description: 'At least 12 characters; not a common password, and not containing the email address or name.' })
  @IsString()
  @Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max, { message: PASSWORD_LENGTH_MESSAGE('password') })
  password!: string;
}

@InputType()
export class DisableUserInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id returned by this API' })
  id!: string;
}
