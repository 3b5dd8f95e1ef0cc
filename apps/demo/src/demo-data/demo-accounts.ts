import { CLINICS, ClinicSeed } from '../seed-data';

/**
 * The one password of every demo user. Published on purpose (the start-up lines print it): the
 * dataset is for trying ReferLoop out, and the gateway never loads it in production.
 */
export const DEMO_PASSWORD = 'referloop-demo';

export interface DemoAccount {
  email: string;
  displayName: string;
}

/** The platform admin of the demo data: onboards clinics, reads the audit trail, the queues. */
export const DEMO_PLATFORM_ADMIN: DemoAccount = { email: 'admin@referloop.example', displayName: 'Avery Quinn (platform admin)' };

/** A clinic admin for the two clinics the referrals mostly run between (the other two have a coordinator and a provider). */
export const DEMO_CLINIC_ADMINS: Partial<Record<ClinicSeed['key'], DemoAccount>> = {
  chiropractic: { email: 'morgan@highland-chiro.example', displayName: 'Morgan Ellis (clinic admin)' },
  bodywork: { email: 'casey@northside-bodywork.example', displayName: 'Casey Lindqvist (clinic admin)' },
};

const clinic = (key: ClinicSeed['key']) => CLINICS.find((candidate) => candidate.key === key) as ClinicSeed;

/** Whom the start-up lines suggest signing in as: one of each side of a referral, and the admin. */
export const SIGN_IN_AS: ReadonlyArray<{ email: string; role: string }> = [
  { email: clinic('chiropractic').coordinator.email, role: 'coordinator' },
  { email: clinic('bodywork').providers[0].email, role: 'provider' },
  { email: DEMO_PLATFORM_ADMIN.email, role: 'platform admin' },
];
