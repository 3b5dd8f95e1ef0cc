export * from './lifecycle';
export * from './models/referral.model';
export * from './referrals.module';
