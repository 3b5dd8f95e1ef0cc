import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTime } from '@referloop/common';

/** One of the signed-in user's open sessions: where they are signed in, as `mySessions` lists it. */
@ObjectType({ description: 'Where you are signed in: one browser session, open until it expires or is ended.' })
export class UserSession {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The browser and system it was opened from, e.g. "Chrome 131 on Windows".' })
  device!: string;

  @Field(() => String, { nullable: true, description: 'The address it was opened from.' })
  ipAddress!: string | null;

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When it last renewed its access token.' })
  lastUsedAt!: Date;

  @Field(() => DateTime, { description: 'When it ends unless it is used again before then.' })
  expiresAt!: Date;

  @Field(() => Boolean, { description: 'The session this request was made from.' })
  current!: boolean;
}
