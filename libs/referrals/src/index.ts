// The lifecycle's vocabulary and rules live in @referloop/lifecycle. Outside this lib, referrals
// are reached through the GraphQL API and these modules; their SQL stays inside.
export * from './models/referral.model';
export * from './models/clinical.model';
export * from './referrals.module';
export * from './clock/response-clock.service';
export { ReferralDirection } from './dto/referrals.args';

// For the libs whose moves build on this core (the treatment episode): the one way to write a
// referral (ReferralLifecycle and NewReferrals), what a move sees, and the shared inputs and
// helpers of its API.
export { ReferralLifecycle } from './referral-lifecycle.service';
export type { MoveContext, MovePlan } from './referral-lifecycle.service';
export { assertOneTarget, NewReferrals, poolOf } from './new-referrals';
export type { Inserted } from './new-referrals';
export type { ReferralRow } from './referral.row';
export { dueAtFor } from './response-clock';
// The tenancy of referrals in SQL, for the other APIs over the same data (FHIR): one rule, reused as it is.
export { inboundCondition, ofVisibleReferral, outboundCondition, visibilityCondition } from './referral-access';
export { notificationsFor, VISITS_MISSED } from './notifications/referral-notifications';
export { rangeOfMotionJson } from './clinical-json';
export { OptionalPainScoreField, OptionalRangeOfMotionField, OutcomeInput, RangeOfMotionInput } from './dto/clinical.input';
export { ReferralCommandInput } from './dto/transition.input';
export { CreateReferralInput, PoolInput, ReferralContentFields } from './dto/referral-content.input';
export { userLoader } from './referral-fields.resolver';
export { auditSeen, seenReferral } from './seen-referral';
// createReferral's own service and its idempotency lookup, for the FHIR API's create: the same rules, not a copy.
export { ReferralService } from './referral.service';
export { ReferralRepository } from './referral.repository';
