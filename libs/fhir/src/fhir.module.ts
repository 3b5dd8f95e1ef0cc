import { Module } from '@nestjs/common';
import { AuditModule } from '@referloop/audit';
import { AuthModule } from '@referloop/auth';
import { InputValidationPipe } from '@referloop/common';
import { PatientsModule } from '@referloop/patients';
import { ReferralsModule } from '@referloop/referrals';
import { ReferralCreation } from './create/referral-creation';
import { ServiceRequestEverything } from './everything/service-request-everything';
import { AuditedReads } from './http/audited-reads';
import { FhirBaseSlash } from './http/fhir-base-slash';
import { FhirCaller } from './http/fhir-caller';
import { FhirController } from './http/fhir.controller';
import { FhirCreateController } from './http/fhir-create.controller';
import { FhirFallbackController } from './http/fhir-fallback.controller';
import { FhirJsonParser } from './http/fhir-json-parser';
import { FrameworkRefusals } from './http/framework-refusals';
import { RESOURCE_KIND_PROVIDERS } from './resources/resource-kinds';

/** The FHIR R4 API of the gateway (read, search, and creating referrals), over the same data, rules, tenancy and audit as GraphQL. */
@Module({
  imports: [AuthModule, AuditModule, ReferralsModule, PatientsModule],
  controllers: [FhirController, FhirCreateController, FhirFallbackController],
  providers: [
    FhirCaller,
    AuditedReads,
    FhirBaseSlash,
    FhirJsonParser,
    FrameworkRefusals,
    ServiceRequestEverything,
    ReferralCreation,
    InputValidationPipe,
    ...RESOURCE_KIND_PROVIDERS,
  ],
})
export class FhirModule {}
