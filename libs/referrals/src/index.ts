export * from './lifecycle';
export * from './models/referral.model';
export * from './referrals.module';
export * from './clock/response-clock.service';
export * from './clock/outcome-reminders.service';
