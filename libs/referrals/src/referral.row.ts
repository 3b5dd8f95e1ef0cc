import { Condition, Modality, Technique } from '@referloop/common';
import type { TableRow } from '@referloop/database';
import { DeclineReason, ReferralPriority, ReferralStatus } from '@referloop/lifecycle';
import { Assessment, Goals, Outcome } from './models/clinical.model';
import { Referral } from './models/referral.model';

/**
 * A `referrals` row as PostgreSQL returns it: the columns the migrations made (generated row
 * types), with the enums and jsonb shapes the code knows. `clock_seq` says which run of the
 * response clock is current; timers armed for an earlier one are stale.
 */
export type ReferralRow = TableRow<
  'referrals',
  {
    status: ReferralStatus;
    priority: ReferralPriority;
    modality: Modality;
    conditions: Condition[];
    techniques: Technique[];
    assessment: Assessment | null;
    goals: Goals | null;
    decline_reason: DeclineReason | null;
    outcome: Outcome | null;
  }
> & {
  /** Only from the lock of a move: the actor is an eligible provider of this open referral. */
  pool_candidate?: boolean;
};

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
