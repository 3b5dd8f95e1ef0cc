import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditTrail, isPlatformAdmin } from '@referloop/common';
import { APP_CONFIG, AppConfig, badInput, ErrorReason, forbidden, notFound } from '@referloop/core';
import { InternalAction, ReferralAction, ReferralEventType, ReferralPriority, ReferralStatus } from '@referloop/lifecycle';
import { PatientRepository } from '@referloop/patients';
import { ProviderRepository } from '@referloop/providers';
import { CreateReferralInput, UpdateReferralInput } from './dto/referral-content.input';
import { RedirectReferralInput } from './dto/transition.input';
import { assessmentJson, goalsJson } from './clinical-json';
import { AuditedChange } from './audited-change';
import { assertNotSelf, assertOneTarget, assertPractises, Inserted, NewReferrals, poolOf } from './new-referrals';
import { ReferralLifecycle } from './referral-lifecycle.service';
import { ReferralChanges, ReferralRepository } from './referral.repository';
import { ReferralRow } from './referral.row';
import { dueAtFor } from './response-clock';

/** Creating referrals, editing drafts, and redirecting declined or expired ones. */
@Injectable()
export class ReferralService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly referrals: ReferralRepository,
    private readonly lifecycle: ReferralLifecycle,
    private readonly patients: PatientRepository,
    private readonly providers: ProviderRepository,
    private readonly created: NewReferrals,
  ) {}

  /** `audit`: the request's trail, whose entry is written with the referral (AuditedChange). */
  async create(actor: Actor, input: CreateReferralInput, audit: AuditTrail | null = null): Promise<ReferralRow> {
    const change = audit ? new AuditedChange(actor, audit) : null;
    const { row, inserted } = await this.createWithin(null, actor, input, change);
    if (inserted?.isNew) change?.committed();
    if (inserted) await this.created.committed(inserted);
    return row;
  }

  /**
   * createReferral's checks and write. Given a `manager`, in the caller's transaction, for a caller
   * that writes more with it (FHIR registers the patient of a transaction Bundle first), which
   * hands `inserted` to NewReferrals.committed once it has committed. Without one, the checks read
   * on the pool, in parallel, and then one statement writes the referral with its history, emails
   * and webhook events: atomic without a transaction, and no connection held waiting for another.
   * `inserted` is null when an earlier request under the same idempotency key made the referral.
   */
  async createWithin(
    manager: EntityManager | null,
    actor: Actor,
    input: CreateReferralInput,
    audit: AuditedChange | null = null,
  ): Promise<{ row: ReferralRow; inserted: Inserted | null }> {
    const reads = manager ?? this.db.manager;
    if (input.send && !input.consentToShare) {
      throw badInput('input.consentToShare', "A referral is sent only with the patient's consent to share it", ErrorReason.CONSENT_MISSING);
    }
    assertOneTarget(input, true);
    if (input.toProviderId) assertNotSelf(actor, input.toProviderId);
    if (isPlatformAdmin(actor) || actor.clinicId === null) throw forbidden('Referrals are sent by clinics and their providers', ErrorReason.NOT_YOUR_ROLE);
    // Independent reads, so in parallel: they are most of a create's latency.
    const [earlier, patient, provider] = await Promise.all([
      input.idempotencyKey ? this.referrals.findByIdempotencyKey(reads, actor.userId, input.idempotencyKey) : null,
      this.patients.findVisible(actor, input.patientId, reads),
      input.toProviderId ? this.providers.findById(input.toProviderId, reads) : null,
    ]);
    if (earlier) return { row: earlier, inserted: null };
    if (provider) assertPractises(provider, input.modality);
    if (!patient || patient.clinicId !== actor.clinicId) throw notFound('Patient');
    if (input.toProviderId && !provider) throw notFound('Provider');

    const now = new Date();
    const sending = input.send === true;
    const priority = input.priority ?? ReferralPriority.ROUTINE;
    const referringClinicId = actor.clinicId;
    const write = (writer: EntityManager) => this.created.insert(writer, actor, {
      status: sending ? ReferralStatus.SENT : ReferralStatus.DRAFT,
      priority,
      modality: input.modality,
      conditions: input.conditions,
      techniques: input.techniques ?? [],
      reason: input.reason.trim(),
      assessment: assessmentJson(input.assessment),
      goals: goalsJson(input.goals),
      recommended_visits: input.recommendedVisits ?? null,
      visits_per_week: input.visitsPerWeek ?? null,
      red_flags: input.redFlags ?? null,
      consent_to_share: input.consentToShare,
      patient_id: patient.id,
      referring_clinic_id: referringClinicId,
      referring_user_id: actor.userId,
      referring_provider_id: actor.providerId,
      to_provider_id: provider?.id ?? null,
      to_clinic_id: provider?.clinicId ?? null,
      ...poolOf(input.toPool),
      idempotency_key: input.idempotencyKey ?? null,
      sent_at: sending ? now : null,
      due_at: sending ? dueAtFor(this.config, priority, now) : null,
      redirected_from_id: null,
      onward_from_id: null,
      sent_by_user_id: sending ? actor.userId : null,
    }, now, audit);
    const created = await write(manager ?? this.db.manager);
    return { row: created.row, inserted: created };
  }

  async update(actor: Actor, input: UpdateReferralInput, audit: AuditTrail | null = null): Promise<ReferralRow> {
    for (const field of ['modality', 'conditions', 'reason', 'consentToShare', 'priority', 'patientId', 'toProviderId', 'toPool'] as const) {
      if (input[field] === null) throw badInput(`input.${field}`, `${field} cannot be removed; give the other target instead`);
    }
    assertOneTarget(input, false);
    const { row } = await this.lifecycle.move(actor, input, InternalAction.EDIT, async ({ row, manager }) => {
      const changes: ReferralChanges = {};
      if (input.patientId !== undefined && input.patientId !== row.patient_id) {
        const patient = await this.patients.findVisible(actor, input.patientId, manager);
        if (!patient || patient.clinicId !== row.referring_clinic_id) throw notFound('Patient');
        changes.patient_id = patient.id;
      }
      const modality = input.modality ?? row.modality;
      if (input.toPool) {
        Object.assign(changes, { to_provider_id: null, to_clinic_id: null }, poolOf(input.toPool));
      } else if (input.toProviderId !== undefined || (input.modality !== undefined && row.to_provider_id !== null)) {
        // A new target, or a new modality the current target must practise.
        const provider = await this.created.targetProvider(actor, input.toProviderId ?? (row.to_provider_id as string), modality, manager);
        Object.assign(changes, { to_provider_id: provider.id, to_clinic_id: provider.clinicId }, poolOf(null));
      }
      if (input.modality !== undefined) changes.modality = input.modality;
      if (input.conditions !== undefined) changes.conditions = input.conditions;
      if (input.techniques !== undefined) changes.techniques = input.techniques ?? [];
      if (input.priority !== undefined) changes.priority = input.priority;
      if (input.reason !== undefined) changes.reason = input.reason.trim();
      if (input.assessment !== undefined) changes.assessment = assessmentJson(input.assessment);
      if (input.goals !== undefined) changes.goals = goalsJson(input.goals);
      if (input.recommendedVisits !== undefined) changes.recommended_visits = input.recommendedVisits;
      if (input.visitsPerWeek !== undefined) changes.visits_per_week = input.visitsPerWeek;
      if (input.redFlags !== undefined) changes.red_flags = input.redFlags;
      if (input.consentToShare !== undefined) changes.consent_to_share = input.consentToShare;
      return {
        changes,
        event: { type: ReferralEventType.UPDATED, data: { fields: Object.keys(changes) } },
        alsoNamed: changes.patient_id ? [row] : [],
      };
    }, audit);
    return row;
  }

  /**
   * A new referral, already SENT, to another provider, linked both ways to the declined or
   * expired one. It stays the original referrer's (user and provider), so whoever started it
   * keeps seeing it; the history records who redirected. Returns both referrals.
   */
  async redirect(actor: Actor, input: RedirectReferralInput, audit: AuditTrail | null = null): Promise<{ previous: ReferralRow; created: ReferralRow }> {
    assertNotSelf(actor, input.toProviderId);
    const provider = await this.providers.findById(input.toProviderId);
    if (!provider) throw notFound('Provider');
    const { row, result } = await this.lifecycle.move<Inserted>(actor, input, ReferralAction.REDIRECT, async ({ row, now, manager }) => {
      if (provider.id === row.to_provider_id) {
        throw badInput('input.toProviderId', 'Redirect to a different provider than the one this referral went to');
      }
      assertPractises(provider, row.modality);
      // The same clinical content, patient and referrer, sent afresh to the new provider.
      const { priority, modality, conditions, techniques, reason, assessment, goals, recommended_visits, visits_per_week, red_flags,
        consent_to_share, patient_id, referring_clinic_id, referring_user_id, referring_provider_id } = row;
      const created = await this.created.insert(manager, actor, {
        priority, modality, conditions, techniques, reason, assessment, goals, recommended_visits, visits_per_week, red_flags,
        consent_to_share, patient_id, referring_clinic_id, referring_user_id, referring_provider_id,
        status: ReferralStatus.SENT,
        to_provider_id: provider.id,
        to_clinic_id: provider.clinicId,
        ...poolOf(null),
        idempotency_key: null,
        sent_at: now,
        due_at: dueAtFor(this.config, priority, now),
        redirected_from_id: row.id,
        // A replacement of an onward referral still belongs to the episode it came from.
        onward_from_id: row.onward_from_id,
        sent_by_user_id: actor.userId,
      }, now);
      return {
        changes: { redirected_to_id: created.row.id },
        event: { type: ReferralEventType.REDIRECTED, data: { redirectedToId: created.row.id, toProviderId: provider.id } },
        result: created,
        alsoNamed: [created.row],
      };
    }, audit);
    const created = result as Inserted;
    await this.created.committed(created);
    return { previous: row, created: created.row };
  }
}
