import { CoreSchema1764190000000 } from './1764190000000-core-schema';
import { Notifications1764300000000 } from './1764300000000-notifications';
import { ProviderProfile1764400000000 } from './1764400000000-provider-profile';
import { Matching1764500000000 } from './1764500000000-matching';
import { TreatmentPlans1764600000000 } from './1764600000000-treatment-plans';
import { Visits1764700000000 } from './1764700000000-visits';
import { EpisodeReports1764800000000 } from './1764800000000-episode-reports';
import { UserSessions1764900000000 } from './1764900000000-user-sessions';
import { ReferralSearch1765000000000 } from './1765000000000-referral-search';
import { AccountLinks1765100000000 } from './1765100000000-account-links';
import { AccountEvents1765200000000 } from './1765200000000-account-events';
import { TwoFactor1765300000000 } from './1765300000000-two-factor';
import { AccountHousekeeping1765400000000 } from './1765400000000-account-housekeeping';
import { Webhooks1765500000000 } from './1765500000000-webhooks';
import { IndexDiet1765600000000 } from './1765600000000-index-diet';
import { ProviderStatsDue1765700000000 } from './1765700000000-provider-stats-due';
import { NeedsActionFromIndex1765800000000 } from './1765800000000-needs-action-from-index';

/** Every migration, in order. A new migration is added here as well as written. */
export const MIGRATIONS = [CoreSchema1764190000000, Notifications1764300000000, ProviderProfile1764400000000, Matching1764500000000, TreatmentPlans1764600000000, Visits1764700000000, EpisodeReports1764800000000, UserSessions1764900000000, ReferralSearch1765000000000, AccountLinks1765100000000, AccountEvents1765200000000, TwoFactor1765300000000, AccountHousekeeping1765400000000, Webhooks1765500000000, IndexDiet1765600000000, ProviderStatsDue1765700000000, NeedsActionFromIndex1765800000000];
