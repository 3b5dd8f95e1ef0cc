// The lifecycle's vocabulary and rules live in @referloop/lifecycle; import them from there.
export * from './models/referral.model';
export * from './referrals.module';
export * from './clock/response-clock.service';
export * from './clock/outcome-reminders.service';
export * from './referral.repository';
export * from './referral.row';
export * from './referral-access';
export * from './live/referral-updates';
export { rowParticipants } from './referral-lifecycle.service';
export { ReferralDirection } from './dto/referrals.args';
