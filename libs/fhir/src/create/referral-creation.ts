import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, InputValidationPipe } from '@referloop/common';
import { KeyedSerialQueue } from '@referloop/core';
import { ReferralStatus } from '@referloop/lifecycle';
import { CreatePatientInput, PatientRepository } from '@referloop/patients';
import { CreateReferralInput, NewReferrals, ReferralRepository, ReferralService } from '@referloop/referrals';
import { idempotencyKeyOf, type ClientIdentifier } from './identifier-key';
import { inFhirTerms, PATIENT_INPUT_ELEMENTS, REFERRAL_INPUT_ELEMENTS, type PostedSource } from './input-elements';
import { assertInputText } from './input-text';
import { assertRegistersInOwnClinic } from './patient-clinic-rule';
import type { PostedPatient } from './posted-patient';
import type { PostedServiceRequest } from './posted-service-request';
import type { StartingStatus } from './starting-status';

/** A referral to create, as read from a ServiceRequest and, in a transaction, its Patient and Task. */
export interface ReferralToCreate {
  /** The ServiceRequest read, and where it was posted (`ServiceRequest`, or its place in a Bundle). */
  request: PostedServiceRequest;
  requestPath: string;
  /** The patient: one the clinic has (by id), or one to register, posted at `path`. */
  patient: { id: string } | { posted: PostedPatient; path: string };
  status: StartingStatus;
  /** What makes a repeated create answer the first one's referral: If-None-Exist's identifier, or the ServiceRequest's own. */
  identifier: ClientIdentifier | null;
}

/** What came of it: the referral (new, or the one an earlier request under the same identifier created) and its patient. */
export interface CreatedReferral {
  referralId: string;
  patientId: string;
  isNew: boolean;
}

/**
 * A patient the Bundle registers has no id before it is registered, so the referral's input is
 * checked with this stand-in first (nothing is written before both inputs have passed their
 * checks) and given the patient's id once it has one.
 */
const UNREGISTERED_PATIENT = '00000000-0000-4000-8000-000000000000';

/**
 * Creating a referral from FHIR by GraphQL's own path: createReferral's input checked by its
 * DTO through the same validation pipe, then ReferralService.create, which applies every other
 * rule of createReferral (who may, whose patient, which provider, consent to send), writes the
 * referral, its history, its outbox emails and webhook events, and queues them. A Patient posted
 * with it is checked by createPatient's DTO and written by PatientRepository, as createPatient does.
 *
 * A Bundle's patient and referral are written in one database transaction (createReferral's
 * work runs inside it, `ReferralService.createWithin`): when createReferral refuses, or the
 * process dies, neither is written. Its emails, webhooks and timers are queued once it commits.
 *
 * Requests that carry the same identifier, from the same user, run one after another here, so
 * that a repeated create finds the referral of the first and answers 200 rather than 201; the
 * unique index on the idempotency key keeps it to one referral across gateways as well.
 */
@Injectable()
export class ReferralCreation {
  private readonly perIdentifier = new KeyedSerialQueue();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly referrals: ReferralService,
    private readonly referralRows: ReferralRepository,
    private readonly patients: PatientRepository,
    private readonly newReferrals: NewReferrals,
    private readonly validation: InputValidationPipe,
  ) {}

  async create(actor: Actor, wanted: ReferralToCreate): Promise<CreatedReferral> {
    const source: PostedSource = { path: wanted.requestPath, elements: REFERRAL_INPUT_ELEMENTS };
    const registering = 'posted' in wanted.patient ? await this.patientInput(actor, wanted.patient.posted, wanted.patient.path) : null;
    const idempotencyKey = wanted.identifier ? idempotencyKeyOf(wanted.identifier) : undefined;
    const input = await this.checked(
      CreateReferralInput,
      {
        ...wanted.request.content,
        patientId: 'id' in wanted.patient ? wanted.patient.id : UNREGISTERED_PATIENT,
        send: wanted.status === ReferralStatus.SENT,
        idempotencyKey,
      },
      source,
    );
    const write = () => this.write(actor, input, registering, source);
    return idempotencyKey ? this.perIdentifier.run(`${actor.userId} ${idempotencyKey}`, write) : write();
  }

  /** The referral an earlier request made under the same idempotency key, if there is one; else a new one, for the patient it registers first if it registers one. */
  private async write(actor: Actor, input: CreateReferralInput, registering: CreatePatientInput | null, source: PostedSource): Promise<CreatedReferral> {
    const earlier = input.idempotencyKey ? await this.referralRows.findByIdempotencyKey(this.db.manager, actor.userId, input.idempotencyKey) : null;
    if (earlier) return { referralId: earlier.id, patientId: earlier.patient_id, isNew: false };
    if (registering) return this.withNewPatient(actor, input, registering, source);
    const row = await this.referrals.create(actor, input).catch((error: unknown) => {
      throw inFhirTerms(error, source);
    });
    return { referralId: row.id, patientId: row.patient_id, isNew: true };
  }

  /** Registers the patient and creates the referral for them, in one transaction. */
  private async withNewPatient(actor: Actor, input: CreateReferralInput, patientInput: CreatePatientInput, source: PostedSource): Promise<CreatedReferral> {
    const { row, inserted } = await this.db
      .transaction(async (manager) => {
        const patient = await this.patients.insert(patientInput, manager);
        const created = await this.referrals.createWithin(manager, actor, { ...input, patientId: patient.id });
        // Another request created the referral under the same identifier first: that one stands,
        // with its own patient, and this one registers nobody.
        if (created.row.patient_id !== patient.id) await manager.query('DELETE FROM patients WHERE id = $1', [patient.id]);
        return created;
      })
      .catch((error: unknown) => {
        throw inFhirTerms(error, source);
      });
    if (inserted) await this.newReferrals.committed(inserted);
    return { referralId: row.id, patientId: row.patient_id, isNew: inserted?.isNew === true };
  }

  private async patientInput(actor: Actor, posted: PostedPatient, path: string): Promise<CreatePatientInput> {
    const clinicId = assertRegistersInOwnClinic(actor, posted.clinicId, path);
    return this.checked(CreatePatientInput, { ...posted.content, clinicId }, { path, elements: PATIENT_INPUT_ELEMENTS });
  }

  /** An input checked as GraphQL checks it (the text rules, then InputValidationPipe with the input's class-validator rules), a refusal naming the element. */
  private async checked<T>(metatype: new () => T, input: Record<string, unknown>, source: PostedSource): Promise<T> {
    try {
      assertInputText(input);
      return (await this.validation.transform(input, { type: 'body', metatype, data: 'input' })) as T;
    } catch (error) {
      throw inFhirTerms(error, source);
    }
  }
}
