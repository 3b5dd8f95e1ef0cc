import { Actor, isClinicStaff, isPlatformAdmin } from '@referloop/common';
import { Party, ReferralStatus, sentToReceiver, sentToReceiverSql } from '@referloop/lifecycle';

/** The columns that decide who may see and act on a referral. */
export interface ReferralParticipants {
  status: ReferralStatus;
  referringClinicId: string;
  referringUserId: string;
  referringProviderId: string | null;
  toProviderId: string | null;
  toClinicId: string | null;
  /** When it was sent; null while a draft, and for a draft cancelled before it was sent. */
  sentAt: Date | null;
  /** Set by the lock query of a move: the actor is an eligible provider of this open referral. */
  poolCandidate?: boolean;
}

/**
 * Which parties the actor is for this referral. Drafts belong to the referrer alone: the
 * receiving side neither sees nor acts on a referral until it is sent (`sentToReceiver`: a
 * draft cancelled unsent never reaches it). An open referral has no receiver side until it is
 * claimed (`to_provider_id`, `to_clinic_id` are null until then).
 */
export function partiesOf(actor: Actor, referral: ReferralParticipants): Set<Party> {
  const parties = new Set<Party>();
  const sent = sentToReceiver(referral);
  if (isClinicStaff(actor)) {
    if (actor.clinicId === referral.referringClinicId) parties.add(Party.REFERRER);
    if (sent && actor.clinicId === referral.toClinicId) parties.add(Party.RECEIVER_STAFF);
  } else if (!isPlatformAdmin(actor)) {
    if (actor.userId === referral.referringUserId || (actor.providerId !== null && actor.providerId === referral.referringProviderId)) {
      parties.add(Party.REFERRER);
    }
    if (sent && actor.providerId !== null && actor.providerId === referral.toProviderId) parties.add(Party.TARGET_PROVIDER);
    // Until someone claims it an open referral has no receiver side, only candidates.
    if (sent && referral.poolCandidate === true && referral.toProviderId === null) parties.add(Party.POOL_CANDIDATE);
  }
  return parties;
}

export type Param = (value: unknown) => string;

/** Referrals the actor sent (their clinic's, or their own as a provider); alias `r`. */
export function outboundCondition(actor: Actor, param: Param): string {
  if (isPlatformAdmin(actor)) return 'TRUE';
  if (isClinicStaff(actor)) return `r.referring_clinic_id = ${param(actor.clinicId)}`;
  return `r.referring_user_id = ${param(actor.userId)}`;
}

/** Sent referrals addressed to the actor's clinic (staff) or to the actor (provider); alias `r`. */
export function inboundCondition(actor: Actor, param: Param): string {
  if (isPlatformAdmin(actor)) return `r.to_provider_id IS NOT NULL`;
  if (isClinicStaff(actor)) return `r.to_clinic_id = ${param(actor.clinicId)} AND ${sentToReceiverSql('r')}`;
  if (actor.providerId === null) return 'FALSE';
  return `r.to_provider_id = ${param(actor.providerId)} AND ${sentToReceiverSql('r')}`;
}

/**
 * The parties the actor may be on a referral `r`, each with the SQL saying it is one: the twin
 * of `partiesOf` for lists. Pool candidacy is left out: candidates find an open referral
 * through the open-referrals query, never through the referrals list.
 */
export function partyConditions(actor: Actor, param: Param): Array<{ party: Party; condition: string }> {
  if (isPlatformAdmin(actor)) return [];
  return [
    { party: Party.REFERRER, condition: outboundCondition(actor, param) },
    { party: isClinicStaff(actor) ? Party.RECEIVER_STAFF : Party.TARGET_PROVIDER, condition: inboundCondition(actor, param) },
  ];
}

/**
 * Every referral read goes through this condition, so a referral outside the actor's tenancy
 * is indistinguishable from one that does not exist. Must agree with `partiesOf`: a visible
 * referral is one where the actor is some party (platform admins see all, act on none).
 */
export function visibilityCondition(actor: Actor, param: Param): string {
  if (isPlatformAdmin(actor)) return 'TRUE';
  return `((${outboundCondition(actor, param)}) OR (${inboundCondition(actor, param)}))`;
}

/**
 * Rows of a table that belongs to a referral (plans, visits, reports), limited to referrals the
 * actor may see. Their field resolvers run under a referral already shown, but the rows hold
 * clinical content, so their own query is scoped too.
 */
export function ofVisibleReferral(actor: Actor, param: Param, referralIdColumn: string): string {
  return `EXISTS (SELECT 1 FROM referrals r WHERE r.id = ${referralIdColumn} AND ${visibilityCondition(actor, param)})`;
}
