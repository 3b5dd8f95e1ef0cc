import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, APP_CONFIG, AppConfig, badInput, ErrorReason, forbidden, isPlatformAdmin, Modality, notFound } from '@referloop/common';
import { Metrics } from '@referloop/metrics';
import { PatientRepository } from '@referloop/patients';
import { DEFAULT_RADIUS_KM, Provider, ProviderRepository } from '@referloop/providers';
import { CreateReferralInput, PoolInput, UpdateReferralInput } from './dto/referral-content.input';
import { ReferOnwardInput } from './dto/refer-onward.input';
import { RedirectReferralInput } from './dto/transition.input';
import { InternalAction, ReferralAction, ReferralEventType, ReferralPriority, ReferralStatus } from './lifecycle';
import { assessmentJson, goalsJson, json } from './clinical-json';
import { ReferralLifecycle } from './referral-lifecycle.service';
import { NewReferral, ReferralRepository } from './referral.repository';
import { ReferralRow, toReferral } from './referral.row';
import { newReference } from './reference';
import { ReferralDispatch } from './referral-dispatch';
import { dueAtFor } from './response-clock';
import { assessmentCarriedForward } from './treatment/carried-assessment';
import { VisitRepository } from './treatment/visit.repository';

const REFERENCE_ATTEMPTS = 5;

/** A referral just written, and its notifications waiting to be queued once the write commits. */
interface Inserted {
  row: ReferralRow;
  pendingNotificationIds: string[];
  /** Emails written already SUPPRESSED (a patient without email consent). */
  suppressedNotifications: number;
  /** False when an idempotency key answered with the referral an earlier request created. */
  isNew: boolean;
}

/** A referral goes to one provider or to a pool, never both or neither. */
function assertOneTarget(input: { toProviderId?: string | null; toPool?: PoolInput | null }, required: boolean): void {
  if (input.toProviderId && input.toPool) throw badInput('input.toPool', 'Give toProviderId or toPool, not both');
  if (required && !input.toProviderId && !input.toPool) {
    throw badInput('input.toProviderId', 'Give toProviderId (one provider) or toPool (an open referral for every eligible provider nearby)');
  }
}

/** An open referral's area as a new referral takes it. */
const poolOf = (pool: PoolInput | null | undefined): NewReferral['pool'] =>
  pool ? { latitude: pool.near.latitude, longitude: pool.near.longitude, radiusKm: pool.radiusKm ?? DEFAULT_RADIUS_KM } : null;

/** The same area as the columns an edit of a draft writes (all null to clear it). */
const poolColumns = (input: PoolInput | null) => {
  const pool = poolOf(input);
  return { pool_latitude: pool?.latitude ?? null, pool_longitude: pool?.longitude ?? null, pool_radius_km: pool?.radiusKm ?? null };
};

function assertNotSelf(actor: Actor, providerId: string): void {
  if (actor.providerId !== null && providerId === actor.providerId) {
    throw badInput('input.toProviderId', 'You cannot refer a patient to yourself');
  }
}

function assertPractises(provider: Provider, modality: Modality): void {
  if (!provider.modalities.includes(modality)) {
    throw badInput('input.modality', `${provider.displayName} does not practise ${modality}`);
  }
}

/** Creating referrals, editing drafts, redirecting declined or expired ones and referring on from an episode. */
@Injectable()
export class ReferralService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly referrals: ReferralRepository,
    private readonly lifecycle: ReferralLifecycle,
    private readonly patients: PatientRepository,
    private readonly providers: ProviderRepository,
    private readonly dispatch: ReferralDispatch,
    private readonly visits: VisitRepository,
    private readonly metrics: Metrics,
  ) {}

  async create(actor: Actor, input: CreateReferralInput): Promise<ReferralRow> {
    if (input.send && !input.consentToShare) {
      throw badInput('input.consentToShare', "A referral is sent only with the patient's consent to share it", ErrorReason.CONSENT_MISSING);
    }
    assertOneTarget(input, true);
    if (input.toProviderId) assertNotSelf(actor, input.toProviderId);
    if (isPlatformAdmin(actor) || actor.clinicId === null) throw forbidden('Referrals are sent by clinics and their providers', ErrorReason.NOT_YOUR_ROLE);
    // Independent reads, so in parallel: they are most of a create's latency.
    const [earlier, patient, provider] = await Promise.all([
      input.idempotencyKey ? this.referrals.findByIdempotencyKey(this.db.manager, actor.userId, input.idempotencyKey) : null,
      this.patients.findVisible(actor, input.patientId),
      input.toProviderId ? this.providers.findById(input.toProviderId) : null,
    ]);
    if (earlier) return earlier;
    if (provider) assertPractises(provider, input.modality);
    if (!patient || patient.clinicId !== actor.clinicId) throw notFound('Patient');
    if (input.toProviderId && !provider) throw notFound('Provider');

    const now = new Date();
    const sending = input.send === true;
    const priority = input.priority ?? ReferralPriority.ROUTINE;
    const created = await this.insertWithReference(this.db.manager, actor, {
      status: sending ? ReferralStatus.SENT : ReferralStatus.DRAFT,
      priority,
      modality: input.modality,
      conditions: input.conditions,
      techniques: input.techniques ?? [],
      reason: input.reason.trim(),
      assessment: assessmentJson(input.assessment),
      goals: goalsJson(input.goals),
      recommendedVisits: input.recommendedVisits ?? null,
      visitsPerWeek: input.visitsPerWeek ?? null,
      redFlags: input.redFlags ?? null,
      consentToShare: input.consentToShare,
      patientId: patient.id,
      referringClinicId: actor.clinicId,
      referringUserId: actor.userId,
      referringProviderId: actor.providerId,
      toProviderId: provider?.id ?? null,
      toClinicId: provider?.clinicId ?? null,
      pool: poolOf(input.toPool),
      idempotencyKey: input.idempotencyKey ?? null,
      sentAt: sending ? now : null,
      dueAt: sending ? dueAtFor(this.config, priority, now) : null,
      redirectedFromId: null,
      onwardFromId: null,
      sentByUserId: sending ? actor.userId : null,
    }, now);
    this.countCommitted(created);
    await this.dispatch.afterCommit(created.row, created.pendingNotificationIds);
    return created.row;
  }

  async update(actor: Actor, input: UpdateReferralInput): Promise<ReferralRow> {
    for (const field of ['modality', 'conditions', 'reason', 'consentToShare', 'priority', 'patientId', 'toProviderId', 'toPool'] as const) {
      if (input[field] === null) throw badInput(`input.${field}`, `${field} cannot be removed; give the other target instead`);
    }
    assertOneTarget(input, false);
    const { row } = await this.lifecycle.move(actor, input, InternalAction.EDIT, async ({ row, manager }) => {
      const changes: Record<string, unknown> = {};
      if (input.patientId !== undefined && input.patientId !== row.patient_id) {
        const patient = await this.patients.findVisible(actor, input.patientId, manager);
        if (!patient || patient.clinicId !== row.referring_clinic_id) throw notFound('Patient');
        changes.patient_id = patient.id;
      }
      const modality = input.modality ?? row.modality;
      if (input.toPool) {
        Object.assign(changes, { to_provider_id: null, to_clinic_id: null }, poolColumns(input.toPool));
      } else if (input.toProviderId !== undefined || (input.modality !== undefined && row.to_provider_id !== null)) {
        // A new target, or a new modality the current target must practise.
        const provider = await this.targetProvider(actor, input.toProviderId ?? (row.to_provider_id as string), modality, manager);
        Object.assign(changes, { to_provider_id: provider.id, to_clinic_id: provider.clinicId }, poolColumns(null));
      }
      if (input.modality !== undefined) changes.modality = input.modality;
      if (input.conditions !== undefined) changes.conditions = input.conditions;
      if (input.techniques !== undefined) changes.techniques = input.techniques ?? [];
      if (input.priority !== undefined) changes.priority = input.priority;
      if (input.reason !== undefined) changes.reason = input.reason.trim();
      if (input.assessment !== undefined) changes.assessment = json(assessmentJson(input.assessment));
      if (input.goals !== undefined) changes.goals = json(goalsJson(input.goals));
      if (input.recommendedVisits !== undefined) changes.recommended_visits = input.recommendedVisits;
      if (input.visitsPerWeek !== undefined) changes.visits_per_week = input.visitsPerWeek;
      if (input.redFlags !== undefined) changes.red_flags = input.redFlags;
      if (input.consentToShare !== undefined) changes.consent_to_share = input.consentToShare;
      return { changes, event: { type: ReferralEventType.UPDATED, data: { fields: Object.keys(changes) } } };
    });
    return row;
  }

  /**
   * A new referral, already SENT, to another provider, linked both ways to the declined or
   * expired one. It stays the original referrer's (user and provider), so whoever started it
   * keeps seeing it; the history records who redirected. Returns both referrals.
   */
  async redirect(actor: Actor, input: RedirectReferralInput): Promise<{ previous: ReferralRow; created: ReferralRow }> {
    assertNotSelf(actor, input.toProviderId);
    const provider = await this.providers.findById(input.toProviderId);
    if (!provider) throw notFound('Provider');
    const { row, result } = await this.lifecycle.move<Inserted>(actor, input, ReferralAction.REDIRECT, async ({ row, now, manager }) => {
      if (provider.id === row.to_provider_id) {
        throw badInput('input.toProviderId', 'Redirect to a different provider than the one this referral went to');
      }
      assertPractises(provider, row.modality);
      // The same clinical content, patient and referrer, sent afresh to the new provider.
      const { priority, modality, conditions, techniques, reason, assessment, goals, recommendedVisits, visitsPerWeek, redFlags,
        consentToShare, patientId, referringClinicId, referringUserId, referringProviderId } = toReferral(row);
      const created = await this.insertWithReference(manager, actor, {
        priority, modality, conditions, techniques, reason, assessment, goals, recommendedVisits, visitsPerWeek, redFlags,
        consentToShare, patientId, referringClinicId, referringUserId, referringProviderId,
        status: ReferralStatus.SENT,
        toProviderId: provider.id,
        toClinicId: provider.clinicId,
        pool: null,
        idempotencyKey: null,
        sentAt: now,
        dueAt: dueAtFor(this.config, priority, now),
        redirectedFromId: row.id,
        // A replacement of an onward referral still belongs to the episode it came from.
        onwardFromId: row.onward_from_id,
        sentByUserId: actor.userId,
      }, now);
      return {
        changes: { redirected_to_id: created.row.id },
        event: { type: ReferralEventType.REDIRECTED, data: { redirectedToId: created.row.id, toProviderId: provider.id } },
        result: created,
      };
    });
    const created = result as Inserted;
    this.countCommitted(created);
    await this.dispatch.afterCommit(created.row, created.pendingNotificationIds);
    return { previous: row, created: created.row };
  }

  /**
   * A new referral, already SENT, from the treating provider (and their clinic) to another
   * provider, linked to the episode. It carries the episode's patient, conditions, red flags and
   * assessment (each movement as last measured, see assessmentCarriedForward), with the patient's
   * consent to share (confirmed for the new provider, or carried over from the episode). The
   * treating provider becomes its referrer, so the answer and the outcome come back to them.
   * The episode only gains a history entry. Returns the episode and the new referral.
   */
  async referOnward(actor: Actor, input: ReferOnwardInput): Promise<{ episode: ReferralRow; created: ReferralRow }> {
    if (input.consentToShare === false) {
      throw badInput('input.consentToShare', "Without the patient's consent to share it with the new provider, nothing is sent", ErrorReason.CONSENT_MISSING);
    }
    assertOneTarget(input, true);
    const provider = input.toProviderId ? await this.targetProvider(actor, input.toProviderId, input.modality, this.db.manager) : null;
    const command = { id: input.referralId, expectedVersion: input.expectedVersion };
    const { row, result } = await this.lifecycle.move<Inserted>(actor, command, InternalAction.REFER_ONWARD, async ({ row, now, manager }) => {
      const priority = input.priority ?? ReferralPriority.ROUTINE;
      const reason = input.reason.trim();
      const created = await this.insertWithReference(manager, actor, {
        status: ReferralStatus.SENT,
        priority,
        modality: input.modality,
        conditions: row.conditions,
        techniques: input.techniques ?? [],
        reason,
        assessment: assessmentCarriedForward(row.assessment, await this.visits.ofLocked(manager, row.id)),
        // Goals and a visit budget are the next provider's to set for their own care.
        goals: null,
        recommendedVisits: null,
        visitsPerWeek: null,
        redFlags: row.red_flags,
        // Given (true) for this onward referral, or carried over from the episode, which was sent with it.
        consentToShare: input.consentToShare ?? row.consent_to_share,
        patientId: row.patient_id,
        referringClinicId: row.to_clinic_id as string,
        referringUserId: actor.userId,
        referringProviderId: actor.providerId,
        toProviderId: provider?.id ?? null,
        toClinicId: provider?.clinicId ?? null,
        pool: poolOf(input.toPool),
        idempotencyKey: null,
        sentAt: now,
        dueAt: dueAtFor(this.config, priority, now),
        redirectedFromId: null,
        onwardFromId: row.id,
        sentByUserId: actor.userId,
      }, now);
      return {
        changes: {},
        leavesReferral: true,
        // No reason on the episode's entry: the episode's referrer sees its history but is not a
        // party to the onward referral, whose reason stays with it.
        event: { type: ReferralEventType.REFERRED_ONWARD, data: { onwardReferralId: created.row.id, modality: input.modality } },
        result: created,
      };
    });
    const created = result as Inserted;
    this.countCommitted(created);
    await this.dispatch.afterCommit(created.row, created.pendingNotificationIds);
    return { episode: row, created: created.row };
  }

  /** A new referral goes through CREATE, and SEND when it starts sent, as its history says. */
  private countCommitted(inserted: Inserted): void {
    if (!inserted.isNew) return;
    this.metrics.referralTransitions.inc({ action: 'CREATE' });
    if (inserted.row.status === ReferralStatus.SENT) this.metrics.referralTransitions.inc({ action: ReferralAction.SEND });
    if (inserted.suppressedNotifications > 0) this.metrics.emails.inc({ outcome: 'suppressed' }, inserted.suppressedNotifications);
  }

  /** Inside a transaction, reads through it (`manager`): a second pool connection could deadlock a full pool. */
  private async targetProvider(actor: Actor, providerId: string, modality: Modality, manager: EntityManager): Promise<Provider> {
    assertNotSelf(actor, providerId);
    const provider = await this.providers.findById(providerId, manager);
    if (!provider) throw notFound('Provider');
    assertPractises(provider, modality);
    return provider;
  }

  /**
   * Inserts with a fresh random reference, retrying on the (rare) collision. When the user's
   * idempotency key is already taken — by an earlier or a concurrent request — returns that
   * referral instead: the unique index, not a prior read, is what makes this race-free.
   */
  private async insertWithReference(
    manager: EntityManager,
    actor: Actor,
    fields: Omit<NewReferral, 'reference'>,
    now: Date,
  ): Promise<Inserted> {
    for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt += 1) {
      const inserted = await this.referrals.insert(manager, { ...fields, reference: newReference() }, actor.userId, now);
      if (inserted) {
        const { pending_notification_ids: pendingNotificationIds, suppressed_notifications: suppressedNotifications, ...row } = inserted;
        return { row, pendingNotificationIds, suppressedNotifications, isNew: true };
      }
      if (fields.idempotencyKey) {
        // Its notifications were queued by the request that created it (or by the relay).
        const existing = await this.referrals.findByIdempotencyKey(manager, actor.userId, fields.idempotencyKey);
        if (existing) return { row: existing, pendingNotificationIds: [], suppressedNotifications: 0, isNew: false };
      }
    }
    throw new Error(`No free referral reference after ${REFERENCE_ATTEMPTS} attempts`);
  }
}
