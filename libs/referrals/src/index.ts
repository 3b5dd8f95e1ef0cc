// The lifecycle's vocabulary and rules live in @referloop/lifecycle. Outside this lib, referrals
// are reached through the GraphQL API and these modules; their rows and SQL stay inside.
export * from './models/referral.model';
export * from './referrals.module';
export * from './clock/response-clock.service';
export * from './clock/outcome-reminders.service';
export { ReferralDirection } from './dto/referrals.args';
