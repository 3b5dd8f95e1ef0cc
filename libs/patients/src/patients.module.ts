import { Module } from '@nestjs/common';
import { PatientRepository } from './patient.repository';
import { PatientsResolver } from './patients.resolver';

@Module({
  providers: [PatientRepository, PatientsResolver],
  exports: [PatientRepository],
})
export class PatientsModule {}
