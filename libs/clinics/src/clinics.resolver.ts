import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, isPlatformAdmin } from '@referloop/common';
import { ErrorReason, forbidden, notFound, requireUuid } from '@referloop/core';
import { Clinic } from './clinic.model';
import { ClinicRepository } from './clinic.repository';
import { CreateClinicInput } from './dto/create-clinic.input';

@Resolver(() => Clinic)
export class ClinicsResolver {
  constructor(private readonly clinics: ClinicRepository) {}

  @Mutation(() => Clinic, { description: 'Onboards a clinic. Platform admins only.' })
  async createClinic(@CurrentActor() actor: Actor, @Args('input', { type: () => CreateClinicInput }) input: CreateClinicInput): Promise<Clinic> {
    if (!isPlatformAdmin(actor)) throw forbidden('Only platform admins onboard clinics', ErrorReason.NOT_YOUR_ROLE);
    return this.clinics.create(input);
  }

  @Query(() => Clinic)
  async clinic(@Args('id', { type: () => ID }) id: string): Promise<Clinic> {
    const clinic = await this.clinics.findById(requireUuid(id, 'id'));
    if (!clinic) throw notFound('Clinic');
    return clinic;
  }
}
