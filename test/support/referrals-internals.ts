/**
 * The referral lib's services that its barrel (@referloop/referrals) does not export, for the
 * service tests. The one file that names paths inside the lib: when its internals move, this is
 * what changes.
 */
export { ReferralLifecycle } from '../../libs/referrals/src/referral-lifecycle.service';
export { ReferralService } from '../../libs/referrals/src/referral.service';
export { ReferralTransitions } from '../../libs/referrals/src/referral-transitions.service';
export { TreatmentPlans } from '../../libs/referrals/src/treatment/treatment-plans.service';
export { Visits } from '../../libs/referrals/src/treatment/visits.service';
