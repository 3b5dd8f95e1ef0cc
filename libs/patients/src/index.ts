export * from './patient.model';
export * from './patient.repository';
export * from './patient-scope';
export * from './patients.module';
export * from './patient-name-search';
export { CreatePatientInput } from './dto/patient.input';
