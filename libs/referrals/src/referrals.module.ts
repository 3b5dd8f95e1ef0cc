import { Module } from '@nestjs/common';
import { AuthModule } from '@referloop/auth';
import { ClinicsModule } from '@referloop/clinics';
import { NotificationsModule } from '@referloop/notifications';
import { PatientsModule } from '@referloop/patients';
import { ProviderStatsModule, ProvidersModule } from '@referloop/providers';
import { ResponseClock } from './clock/response-clock.service';
import { ReferralUpdates } from './live/referral-updates';
import { ReferralUpdatesResolver } from './live/referral-updates.resolver';
import { ReferralNotificationsResolver } from './notifications/referral-notifications.resolver';
import { NewReferrals } from './new-referrals';
import { ReferralDispatch } from './referral-dispatch';
import { ReferralEventFieldsResolver, ReferralFieldsResolver } from './referral-fields.resolver';
import { ReferralLifecycle } from './referral-lifecycle.service';
import { ReferralRepository } from './referral.repository';
import { ReferralService } from './referral.service';
import { ReferralTransitions } from './referral-transitions.service';
import { ReferralsResolver } from './referrals.resolver';
import { OpenReferralsRepository } from './pool/open-referrals.repository';
import { OpenReferralsResolver } from './pool/open-referrals.resolver';
import { SuggestedProvidersResolver } from './suggestions/suggested-providers.resolver';
import { SuggestionBasisRepository } from './suggestions/suggestion-basis.repository';
import { ReferralStatsRepository } from './stats/referral-stats.repository';
import { ReferralStatsResolver } from './stats/referral-stats.resolver';

/** How referrals change, with their outbox and clock: shared by the gateway and the worker. */
@Module({
  imports: [NotificationsModule, ProviderStatsModule],
  providers: [ReferralRepository, ReferralLifecycle, ReferralDispatch, ResponseClock, ReferralUpdates],
  exports: [ReferralRepository, ReferralLifecycle, ReferralDispatch, ResponseClock, ReferralUpdates, NotificationsModule],
})
export class ReferralsCoreModule {}

/** The referral API of the gateway. */
@Module({
  imports: [ReferralsCoreModule, AuthModule, ClinicsModule, PatientsModule, ProvidersModule],
  providers: [
    ReferralService,
    NewReferrals,
    ReferralTransitions,
    ReferralsResolver,
    ReferralFieldsResolver,
    ReferralEventFieldsResolver,
    ReferralNotificationsResolver,
    ReferralUpdatesResolver,
    OpenReferralsRepository,
    OpenReferralsResolver,
    SuggestionBasisRepository,
    SuggestedProvidersResolver,
    ReferralStatsRepository,
    ReferralStatsResolver,
  ],
  exports: [ReferralsCoreModule, NewReferrals, ReferralService],
})
export class ReferralsModule {}
