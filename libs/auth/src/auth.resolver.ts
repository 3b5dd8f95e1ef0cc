import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, AllowedDuringEnrolment, CurrentActor, RequestContext } from '@referloop/common';
import { notFound } from '@referloop/core';
import { ChangePasswordInput } from './dto/change-password.input';
import { CreateUserInput } from './dto/create-user.input';
import { User } from './user.model';
import { UserRepository } from './user.repository';
import { UserService } from './user.service';

@Resolver(() => User)
export class AuthResolver {
  constructor(
    private readonly userService: UserService,
    private readonly users: UserRepository,
  ) {}

  @AllowedDuringEnrolment()
  @Query(() => User, { description: 'The signed-in user.' })
  async me(@CurrentActor() actor: Actor): Promise<User> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw notFound('User');
    return user;
  }

  @Mutation(() => User, {
    description: 'Creates an account with the password given: for automation and tests, platform admins only. People are invited (`inviteUser`) and choose their own password.',
  })
  async createUser(@CurrentActor() actor: Actor, @Args('input', { type: () => CreateUserInput }) input: CreateUserInput): Promise<User> {
    return this.userService.create(actor, input);
  }

  @Mutation(() => Boolean, {
    description:
      'Changes your own password, given the current one (wrong guesses are throttled like sign-ins). Every other session of yours ends at once; this one stays signed in.',
  })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => ChangePasswordInput }) input: ChangePasswordInput,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    return this.userService.changePassword(actor, input, ctx.ipAddress);
  }
}
