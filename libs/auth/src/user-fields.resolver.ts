import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, Loaders, RequestLoaders, ViewingActor } from '@referloop/common';
import { Clinic, clinicLoader, ClinicRepository } from '@referloop/clinics';
import { manages } from './accounts/user-rules';
import { User } from './user.model';

@Resolver(() => User)
export class UserFieldsResolver {
  constructor(private readonly clinics: ClinicRepository) {}

  /** The web app learns the signed-in user's clinic (its name and time zone) in the same round trip as `me`. */
  @ResolveField(() => Clinic, { nullable: true, description: 'The clinic this user works for; null for platform admins.' })
  async clinic(@Parent() user: User, @RequestLoaders() loaders: Loaders): Promise<Clinic | null> {
    return user.clinicId ? ((await clinicLoader(loaders, this.clinics).load(user.clinicId)) ?? null) : null;
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description: 'Whether the user signs in with an authenticator app: shown to the user and to the admins who manage their account; null to anyone else.',
  })
  twoFactorEnabled(@Parent() user: User, @ViewingActor() viewer: Actor | null): boolean | null {
    return viewer && (viewer.userId === user.id || manages(viewer, user)) ? user.twoFactorOn : null;
  }
}
