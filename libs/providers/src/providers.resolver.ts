import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, connectionType, CurrentActor, isPlatformAdmin, pageRequest, toConnection, UserRole, type Connection } from '@referloop/common';
import { badInput, ErrorReason, forbidden, notFound, requireUuid } from '@referloop/core';
import { UserRepository } from '@referloop/auth';
import { CreateProviderInput } from './dto/create-provider.input';
import { UpdateProviderInput } from './dto/update-provider.input';
import { ProvidersArgs } from './dto/providers.args';
import { Provider } from './provider.model';
import { ProviderRepository } from './provider.repository';

export const ProviderConnection = connectionType(Provider, 'Provider');

/** Why a provider profile is not the caller's to manage: a clinic admin manages their own clinic's; no other role manages any but their own. */
const refusalReason = (actor: Actor) => (actor.role === UserRole.CLINIC_ADMIN ? ErrorReason.NOT_YOUR_CLINIC : ErrorReason.NOT_YOUR_ROLE);

@Resolver(() => Provider)
export class ProvidersResolver {
  constructor(
    private readonly providerRepository: ProviderRepository,
    private readonly users: UserRepository,
  ) {}

  @Mutation(() => Provider, { description: "Creates a provider profile for a PROVIDER user. Platform admins or the clinic's admins." })
  async createProvider(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => CreateProviderInput }) input: CreateProviderInput,
  ): Promise<Provider> {
    const mayManage = isPlatformAdmin(actor) || (actor.role === UserRole.CLINIC_ADMIN && actor.clinicId === input.clinicId);
    if (!mayManage) throw forbidden("Only platform admins and the clinic's admins create providers", refusalReason(actor));
    const user = await this.users.findById(input.userId);
    if (!user || (!isPlatformAdmin(actor) && user.clinicId !== actor.clinicId)) throw notFound('User');
    if (user.clinicId !== input.clinicId) throw badInput('input.userId', 'userId must belong to the same clinic');
    if (user.role !== UserRole.PROVIDER) throw badInput('input.userId', 'userId must be a user with the PROVIDER role');
    const created = await this.providerRepository.insert(input);
    if (!created) throw badInput('input.userId', 'This user already has a provider profile');
    return created;
  }

  @Mutation(() => Provider, { description: "Changes a provider's profile. The provider themself, their clinic's admins, or platform admins." })
  async updateProvider(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => UpdateProviderInput }) input: UpdateProviderInput,
  ): Promise<Provider> {
    const provider = await this.providerRepository.findById(input.id);
    if (!provider) throw notFound('Provider');
    const mayEdit =
      isPlatformAdmin(actor) ||
      actor.providerId === provider.id ||
      (actor.role === UserRole.CLINIC_ADMIN && actor.clinicId === provider.clinicId);
    if (!mayEdit) throw forbidden("Only the provider, their clinic's admins and platform admins change a provider's profile", refusalReason(actor));
    const updated = await this.providerRepository.update(provider.id, provider.clinicId, input);
    if (!updated) throw notFound('Provider');
    return updated;
  }

  @Query(() => Provider, { description: 'One provider of the directory.' })
  async provider(@Args('id', { type: () => ID }) id: string): Promise<Provider> {
    const found = await this.providerRepository.findById(requireUuid(id, 'id'));
    if (!found) throw notFound('Provider');
    return found;
  }

  @Query(() => ProviderConnection, { description: 'The provider directory, newest first.' })
  async providers(@Args({ type: () => ProvidersArgs }) args: ProvidersArgs): Promise<Connection<Provider>> {
    const page = pageRequest(args);
    const { rows, count } = this.providerRepository.list(args.filter ?? {}, page);
    return toConnection(await rows, page, count, (row) => row);
  }
}
