import { Module } from '@nestjs/common';
import { AuditModule } from '@referloop/audit';
import { AuthModule } from '@referloop/auth';
import { ServiceRequestEverything } from './everything/service-request-everything';
import { AuditedReads } from './http/audited-reads';
import { FhirBaseSlash } from './http/fhir-base-slash';
import { FhirCaller } from './http/fhir-caller';
import { FhirController } from './http/fhir.controller';
import { FhirFallbackController } from './http/fhir-fallback.controller';
import { RESOURCE_KIND_PROVIDERS } from './resources/resource-kinds';

/** The FHIR R4 API of the gateway (read and search), over the same data, tenancy and audit as GraphQL. */
@Module({
  imports: [AuthModule, AuditModule],
  controllers: [FhirController, FhirFallbackController],
  providers: [FhirCaller, AuditedReads, FhirBaseSlash, ServiceRequestEverything, ...RESOURCE_KIND_PROVIDERS],
})
export class FhirModule {}
