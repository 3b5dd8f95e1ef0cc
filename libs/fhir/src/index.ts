// The FHIR R4 API (read and search of referrals and what they refer to; creating referrals), served by the gateway at /fhir/R4 (docs/fhir.md).
export * from './fhir.module';
