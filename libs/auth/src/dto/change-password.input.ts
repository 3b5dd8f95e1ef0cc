import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length, MaxLength } from 'class-validator';

@InputType()
export class ChangePasswordInput {
  @Field(() => String, { description: 'The password the user signs in with now.' })
  @IsString()
  @MaxLength(200)
  currentPassword!: string;

  @Field(() => String, { description: 'At least 12 characters; not containing the email address or name.' })
  @IsString()
  @Length(12, 200, { message: 'newPassword must be 12 to 200 characters long' })
  newPassword!: string;
}
