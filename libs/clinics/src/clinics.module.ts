import { Module } from '@nestjs/common';
import { ClinicRepository } from './clinic.repository';
import { ClinicsResolver } from './clinics.resolver';

@Module({
  providers: [ClinicRepository, ClinicsResolver],
  exports: [ClinicRepository],
})
export class ClinicsModule {}
