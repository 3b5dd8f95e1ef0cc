import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, Audit, AuditTrail, CurrentActor, isPlatformAdmin, Loaders, RequestLoaders } from '@referloop/common';
import { notFound } from '@referloop/core';
import { User, UserRepository } from '@referloop/auth';
import { Clinic, clinicLoader, ClinicRepository } from '@referloop/clinics';
import { Patient, PatientRepository } from '@referloop/patients';
import { Provider, ProviderRepository } from '@referloop/providers';
import { availableActions, availableEpisodeActions, EpisodeAction, Party, ReferralAction, ReferralEventType, workActions } from '@referloop/lifecycle';
import { Referral, ReferralEvent } from './models/referral.model';
import { partiesOf } from './referral-access';
import { ReferralRepository } from './referral.repository';
import { toReferral } from './referral.row';
import { factsOf } from './referral-facts';

const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((item) => [item.id, item]));

/** Users are shown by several fields (the referrer, each history entry's actor): one batch. */
export const userLoader = (loaders: Loaders, users: UserRepository) =>
  loaders.get<string, User>('user', async (ids) => byId(await users.findByIds(ids)));

/** A linked referral shown in this request, and its patient, go into the request's audit entry. */
function touched(audit: AuditTrail, referral: Referral): void {
  audit.touchReferralAndPatient(referral.id, referral.patientId, referral.referringClinicId, referral.toClinicId);
}

/**
 * Relations of a referral, batched per request. Each relation is read through the same
 * tenant-scoped queries as the top-level fields (a linked referral you may not see is null).
 */
@Resolver(() => Referral)
export class ReferralFieldsResolver {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly patients: PatientRepository,
    private readonly clinics: ClinicRepository,
    private readonly providers: ProviderRepository,
    private readonly users: UserRepository,
  ) {}

  @ResolveField(() => Patient)
  async patient(@Parent() referral: Referral, @CurrentActor() actor: Actor, @RequestLoaders() loaders: Loaders): Promise<Patient> {
    const loader = loaders.get<string, Patient>('patient', async (ids) => byId(await this.patients.findVisibleByIds(actor, ids)));
    const patient = await loader.load(referral.patientId);
    if (!patient) throw notFound('Patient');
    return patient;
  }

  @ResolveField(() => Clinic)
  async referringClinic(@Parent() referral: Referral, @RequestLoaders() loaders: Loaders): Promise<Clinic> {
    return (await clinicLoader(loaders, this.clinics).load(referral.referringClinicId)) as Clinic;
  }

  @ResolveField(() => Clinic, { nullable: true })
  async toClinic(@Parent() referral: Referral, @RequestLoaders() loaders: Loaders): Promise<Clinic | null> {
    return referral.toClinicId ? ((await clinicLoader(loaders, this.clinics).load(referral.toClinicId)) ?? null) : null;
  }

  @ResolveField(() => User)
  async referringUser(@Parent() referral: Referral, @RequestLoaders() loaders: Loaders): Promise<User> {
    return (await userLoader(loaders, this.users).load(referral.referringUserId)) as User;
  }

  @ResolveField(() => Provider, { nullable: true, description: 'Null for an open referral not yet claimed.' })
  async toProvider(@Parent() referral: Referral, @RequestLoaders() loaders: Loaders): Promise<Provider | null> {
    return referral.toProviderId ? ((await this.providerLoader(loaders).load(referral.toProviderId)) ?? null) : null;
  }

  @ResolveField(() => Provider, { nullable: true })
  async referringProvider(@Parent() referral: Referral, @RequestLoaders() loaders: Loaders): Promise<Provider | null> {
    return referral.referringProviderId ? ((await this.providerLoader(loaders).load(referral.referringProviderId)) ?? null) : null;
  }

  @ResolveField(() => Referral, { nullable: true, description: 'The declined or expired referral this one replaces.' })
  async redirectedFrom(
    @Parent() referral: Referral,
    @CurrentActor() actor: Actor,
    @RequestLoaders() loaders: Loaders,
    @Audit() audit: AuditTrail,
  ): Promise<Referral | null> {
    return referral.redirectedFromId ? this.linked(actor, loaders, audit, referral.redirectedFromId) : null;
  }

  @ResolveField(() => Referral, { nullable: true, description: 'The referral that replaced this one.' })
  async redirectedTo(
    @Parent() referral: Referral,
    @CurrentActor() actor: Actor,
    @RequestLoaders() loaders: Loaders,
    @Audit() audit: AuditTrail,
  ): Promise<Referral | null> {
    return referral.redirectedToId ? this.linked(actor, loaders, audit, referral.redirectedToId) : null;
  }

  @ResolveField(() => Referral, { nullable: true, description: 'The episode whose treating provider referred the patient on with this referral.' })
  async onwardFrom(
    @Parent() referral: Referral,
    @CurrentActor() actor: Actor,
    @RequestLoaders() loaders: Loaders,
    @Audit() audit: AuditTrail,
  ): Promise<Referral | null> {
    return referral.onwardFromId ? this.linked(actor, loaders, audit, referral.onwardFromId) : null;
  }

  @ResolveField(() => [Referral], { description: 'Referrals its treating provider made onward from this episode, the ones you may see, oldest first.' })
  async onwardReferrals(
    @Parent() referral: Referral,
    @CurrentActor() actor: Actor,
    @RequestLoaders() loaders: Loaders,
    @Audit() audit: AuditTrail,
  ): Promise<Referral[]> {
    const loader = loaders.get<string, Referral[]>('onwardReferrals', async (ids) => {
      const byEpisode = new Map<string, Referral[]>(ids.map((id) => [id, []]));
      for (const row of await this.referrals.findVisibleOnwardFrom(actor, ids)) byEpisode.get(row.onward_from_id as string)?.push(toReferral(row));
      return byEpisode;
    });
    const onward = (await loader.load(referral.id)) ?? [];
    for (const linked of onward) touched(audit, linked);
    return onward;
  }

  @ResolveField(() => [ReferralEvent], {
    description: "History, oldest first. Passes on an open referral (other clinics' providers, with their notes) are shown to its referrer only.",
  })
  async events(@Parent() referral: Referral, @CurrentActor() actor: Actor, @RequestLoaders() loaders: Loaders): Promise<ReferralEvent[]> {
    const loader = loaders.get<string, ReferralEvent[]>('events', (ids) => this.referrals.eventsFor(ids));
    const events = (await loader.load(referral.id)) ?? [];
    const seesPasses = isPlatformAdmin(actor) || partiesOf(actor, referral).has(Party.REFERRER);
    return seesPasses ? events : events.filter((event) => event.type !== ReferralEventType.PASSED);
  }

  @ResolveField(() => [ReferralAction], { description: 'What you may do with this referral now.' })
  availableActions(@Parent() referral: Referral, @CurrentActor() actor: Actor): ReferralAction[] {
    return availableActions(factsOf(referral), partiesOf(actor, referral));
  }

  @ResolveField(() => [EpisodeAction], { description: 'The episode steps you may take now (the treating provider: plan, visits, reports, referring on).' })
  availableEpisodeActions(@Parent() referral: Referral, @CurrentActor() actor: Actor): EpisodeAction[] {
    return availableEpisodeActions(factsOf(referral), partiesOf(actor, referral));
  }

  @ResolveField(() => [ReferralAction], {
    description: 'Of availableActions, the ones that move the referral on: what needsAction counts (not CANCEL or DECLINE, nor moving an appointment already set).',
  })
  workActions(@Parent() referral: Referral, @CurrentActor() actor: Actor): ReferralAction[] {
    return workActions(factsOf(referral), partiesOf(actor, referral));
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether you have something to do on this referral now: one of availableActions moves it on. CANCEL and DECLINE are always open while it waits, ' +
      'and moving an appointment already set leaves it where it was, so neither counts. The referrals filter needsAction selects the same referrals.',
  })
  needsAction(@Parent() referral: Referral, @CurrentActor() actor: Actor): boolean {
    return workActions(factsOf(referral), partiesOf(actor, referral)).length > 0;
  }

  private providerLoader(loaders: Loaders) {
    return loaders.get<string, Provider>('provider', async (ids) => byId(await this.providers.findByIds(ids)));
  }

  /** A linked referral is read like any other: scoped to the viewer and named in the audit entry. */
  private async linked(actor: Actor, loaders: Loaders, audit: AuditTrail, id: string): Promise<Referral | null> {
    const loader = loaders.get<string, Referral>('referral', async (ids) =>
      byId((await this.referrals.findVisibleByIds(actor, ids)).map(toReferral)),
    );
    const linked = (await loader.load(id)) ?? null;
    if (linked) touched(audit, linked);
    return linked;
  }
}

@Resolver(() => ReferralEvent)
export class ReferralEventFieldsResolver {
  constructor(private readonly users: UserRepository) {}

  @ResolveField(() => User, { nullable: true, description: 'Null when the system acted (expiry).' })
  async actor(@Parent() event: ReferralEvent, @RequestLoaders() loaders: Loaders): Promise<User | null> {
    return event.actorId ? ((await userLoader(loaders, this.users).load(event.actorId)) ?? null) : null;
  }
}
