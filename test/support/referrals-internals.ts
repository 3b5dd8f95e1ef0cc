/**
 * The referral lib's services that its barrel (@referloop/referrals) does not export, for the
 * service tests. The one file that names paths inside the lib: when its internals move, this is
 * what changes.
 */
export { ReferralService } from '../../libs/referrals/src/referral.service';
export { ReferralTransitions } from '../../libs/referrals/src/referral-transitions.service';
export { ReferralRepository } from '../../libs/referrals/src/referral.repository';
export { ReferralFieldsResolver } from '../../libs/referrals/src/referral-fields.resolver';
export { toReferral } from '../../libs/referrals/src/referral.row';
export { ReferralStatsRepository } from '../../libs/referrals/src/stats/referral-stats.repository';
