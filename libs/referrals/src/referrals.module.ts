import { Module } from '@nestjs/common';
import { AuthModule } from '@referloop/auth';
import { ClinicsModule } from '@referloop/clinics';
import { PatientsModule } from '@referloop/patients';
import { ProvidersModule } from '@referloop/providers';
import { ReferralEventFieldsResolver, ReferralFieldsResolver } from './referral-fields.resolver';
import { ReferralLifecycle } from './referral-lifecycle.service';
import { ReferralRepository } from './referral.repository';
import { ReferralService } from './referral.service';
import { ReferralTransitions } from './referral-transitions.service';
import { ReferralsResolver } from './referrals.resolver';

@Module({
  imports: [AuthModule, ClinicsModule, PatientsModule, ProvidersModule],
  providers: [ReferralRepository, ReferralLifecycle, ReferralService, ReferralTransitions, ReferralsResolver, ReferralFieldsResolver, ReferralEventFieldsResolver],
  exports: [ReferralRepository, ReferralLifecycle],
})
export class ReferralsModule {}
