import { Condition, Modality, Technique } from '@referloop/common';
import { DeclineReason, ReferralPriority, ReferralStatus } from '@referloop/lifecycle';
import { Assessment, Goals, Outcome } from './models/clinical.model';
import { Referral } from './models/referral.model';

/** A `referrals` row as PostgreSQL returns it. */
export interface ReferralRow {
  id: string;
  reference: string;
  status: ReferralStatus;
  version: number;
  priority: ReferralPriority;
  modality: Modality;
  conditions: Condition[];
  techniques: Technique[];
  reason: string;
  assessment: Assessment | null;
  goals: Goals | null;
  recommended_visits: number | null;
  visits_per_week: number | null;
  red_flags: string | null;
  consent_to_share: boolean;
  patient_id: string;
  referring_clinic_id: string;
  referring_user_id: string;
  referring_provider_id: string | null;
  to_provider_id: string | null;
  to_clinic_id: string | null;
  idempotency_key: string | null;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
  due_at: Date | null;
  clock_remaining_ms: number | null;
  /** Which run of the response clock is current; timers armed for an earlier one are stale. */
  clock_seq: number;
  reminded_at: Date | null;
  sent_by_user_id: string | null;
  responded_at: Date | null;
  appointment_at: Date | null;
  treatment_started_at: Date | null;
  completed_at: Date | null;
  loop_closed_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  decline_reason: DeclineReason | null;
  decline_note: string | null;
  outcome: Outcome | null;
  redirected_from_id: string | null;
  redirected_to_id: string | null;
  onward_from_id: string | null;
  outcome_reminded_at: Date | null;
  pool_latitude: number | null;
  pool_longitude: number | null;
  pool_radius_km: number | null;
  /** Only from the lock of a move: the actor is an eligible provider of this open referral. */
  pool_candidate?: boolean;
}

export function toReferral(row: ReferralRow): Referral {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    version: row.version,
    priority: row.priority,
    modality: row.modality,
    conditions: row.conditions,
    techniques: row.techniques,
    reason: row.reason,
    assessment: row.assessment,
    goals: row.goals,
    recommendedVisits: row.recommended_visits,
    visitsPerWeek: row.visits_per_week,
    redFlags: row.red_flags,
    consentToShare: row.consent_to_share,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
    dueAt: row.due_at,
    respondedAt: row.responded_at,
    appointmentAt: row.appointment_at,
    treatmentStartedAt: row.treatment_started_at,
    completedAt: row.completed_at,
    loopClosedAt: row.loop_closed_at,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    declineReason: row.decline_reason,
    declineNote: row.decline_note,
    // Outcomes stored before goal attainment and recommendations existed read as having none.
    outcome: row.outcome && { ...row.outcome, shortTermGoals: row.outcome.shortTermGoals ?? [], recommendations: row.outcome.recommendations ?? [] },
    patientId: row.patient_id,
    referringClinicId: row.referring_clinic_id,
    referringUserId: row.referring_user_id,
    referringProviderId: row.referring_provider_id,
    toProviderId: row.to_provider_id,
    toClinicId: row.to_clinic_id,
    redirectedFromId: row.redirected_from_id,
    redirectedToId: row.redirected_to_id,
    onwardFromId: row.onward_from_id,
    pool:
      row.pool_latitude === null || row.pool_longitude === null || row.pool_radius_km === null
        ? null
        : { near: { latitude: row.pool_latitude, longitude: row.pool_longitude }, radiusKm: row.pool_radius_km },
  };
}
