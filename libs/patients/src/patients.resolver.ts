import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Audit, AuditTrail, connectionType, CurrentActor, isPlatformAdmin, pageRequest, toConnection, type Connection } from '@referloop/common';
import { ErrorReason, forbidden, notFound, requireUuid } from '@referloop/core';
import { CreatePatientInput, PatientsArgs, UpdatePatientInput } from './dto/patient.input';
import { Patient } from './patient.model';
import { PatientRepository } from './patient.repository';

export const PatientConnection = connectionType(Patient, 'Patient');

@Resolver(() => Patient)
export class PatientsResolver {
  constructor(private readonly patientRepository: PatientRepository) {}

  @Mutation(() => Patient, { description: "Registers a patient. The clinic's staff and providers." })
  async createPatient(
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
    @Args('input', { type: () => CreatePatientInput }) input: CreatePatientInput,
  ): Promise<Patient> {
    if (isPlatformAdmin(actor)) throw forbidden('Patients are registered by their clinic', ErrorReason.NOT_YOUR_ROLE);
    if (actor.clinicId !== input.clinicId) throw forbidden('Patients are registered in your own clinic only', ErrorReason.NOT_YOUR_CLINIC);
    const patient = await this.patientRepository.insert(input);
    audit.touchPatient(patient.id, patient.clinicId);
    return patient;
  }

  @Mutation(() => Patient, { description: 'Edits a patient; emailConsent: false withdraws consent to emails.' })
  async updatePatient(
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
    @Args('input', { type: () => UpdatePatientInput }) input: UpdatePatientInput,
  ): Promise<Patient> {
    const visible = await this.patientRepository.findVisible(actor, input.id);
    if (!visible) throw notFound('Patient');
    if (isPlatformAdmin(actor) || visible.clinicId !== actor.clinicId) {
      throw forbidden("Only the patient's own clinic edits the patient", isPlatformAdmin(actor) ? ErrorReason.NOT_YOUR_ROLE : ErrorReason.NOT_YOUR_CLINIC);
    }
    const patient = await this.patientRepository.update(visible.clinicId, input);
    if (!patient) throw notFound('Patient');
    audit.touchPatient(patient.id, patient.clinicId);
    return patient;
  }

  @Query(() => Patient)
  async patient(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args('id', { type: () => ID }) id: string): Promise<Patient> {
    const patient = await this.patientRepository.findVisible(actor, requireUuid(id, 'id'));
    if (!patient) throw notFound('Patient');
    audit.touchPatient(patient.id, patient.clinicId);
    return patient;
  }

  @Query(() => PatientConnection, { description: "Your clinic's patients, newest first." })
  async patients(
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
    @Args({ type: () => PatientsArgs }) args: PatientsArgs,
  ): Promise<Connection<Patient>> {
    const page = pageRequest(args);
    const { rows: pending, count } = this.patientRepository.list(actor, args.filter?.search, page);
    const rows = await pending;
    for (const row of rows.slice(0, page.limit)) audit.touchPatient(row.id, row.clinicId);
    return toConnection(rows, page, count, (row) => row);
  }
}
