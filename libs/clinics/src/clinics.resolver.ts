import { Args, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Actor, Connection, connectionType, CurrentActor, isPlatformAdmin, PageArgs, pageRequest, toConnection, UserRole } from '@referloop/common';
import { badInput, ErrorReason, forbidden, notFound, requireUuid } from '@referloop/core';
import { Clinic } from './clinic.model';
import { ClinicRepository, toClinic } from './clinic.repository';
import { CreateClinicInput } from './dto/create-clinic.input';
import { UpdateClinicInput } from './dto/update-clinic.input';

@ObjectType()
export class ClinicConnection extends connectionType(Clinic, 'Clinic') {}

/** What a clinic cannot be without: given as null, refused rather than written. */
const REQUIRED = ['name', 'email', 'timeZone', 'address', 'location', 'requireTwoFactor'] as const;

/**
 * The clinic a caller manages: every clinic for a platform admin, their own for a clinic
 * admin (null: all). Anyone else manages none.
 */
function managedClinic(actor: Actor): string | null {
  if (isPlatformAdmin(actor)) return null;
  if (actor.role !== UserRole.CLINIC_ADMIN || actor.clinicId === null) throw forbidden('Only admins manage clinics', ErrorReason.NOT_YOUR_ROLE);
  return actor.clinicId;
}

@Resolver(() => Clinic)
export class ClinicsResolver {
  constructor(private readonly repository: ClinicRepository) {}

  @Mutation(() => Clinic, { description: 'Onboards a clinic. Platform admins only.' })
  async createClinic(@CurrentActor() actor: Actor, @Args('input', { type: () => CreateClinicInput }) input: CreateClinicInput): Promise<Clinic> {
    if (!isPlatformAdmin(actor)) throw forbidden('Only platform admins onboard clinics', ErrorReason.NOT_YOUR_ROLE);
    return this.repository.create(input);
  }

  @Mutation(() => Clinic, {
    description: "Changes a clinic's details: the fields given change, the others stay. Platform admins change any clinic; clinic admins their own.",
  })
  async updateClinic(@CurrentActor() actor: Actor, @Args('input', { type: () => UpdateClinicInput }) input: UpdateClinicInput): Promise<Clinic> {
    const managed = managedClinic(actor);
    if (managed !== null && managed !== input.id) throw forbidden('Clinic admins change their own clinic only', ErrorReason.NOT_YOUR_CLINIC);
    const removed = REQUIRED.find((field) => input[field] === null);
    if (removed) throw badInput(`input.${removed}`, `${removed} cannot be removed; leave it out to keep it`);
    // Required of everyone in the clinic, the admin included: from their next request on, an admin
    // without it could do nothing but enrol (not even turn the requirement off again).
    if (input.requireTwoFactor === true && managed !== null && !actor.secondFactorOn) {
      throw badInput('input.requireTwoFactor', 'Turn on two-factor sign-in for your own account first (account menu, “Two-factor sign-in”): requiring it applies to you too');
    }
    const clinic = await this.repository.update(input);
    if (!clinic) throw notFound('Clinic');
    return clinic;
  }

  @Query(() => Clinic)
  async clinic(@Args('id', { type: () => ID }) id: string): Promise<Clinic> {
    const clinic = await this.repository.findById(requireUuid(id, 'id'));
    if (!clinic) throw notFound('Clinic');
    return clinic;
  }

  @Query(() => ClinicConnection, { description: 'The clinics the caller manages, newest first: every clinic for a platform admin, their own for a clinic admin.' })
  async clinics(@CurrentActor() actor: Actor, @Args({ type: () => PageArgs }) args: PageArgs): Promise<Connection<Clinic>> {
    const managed = managedClinic(actor);
    const page = pageRequest(args);
    const rows = await this.repository.page(managed, page.limit + 1, page.after);
    return toConnection(rows, page, this.repository.count(managed), toClinic);
  }
}
