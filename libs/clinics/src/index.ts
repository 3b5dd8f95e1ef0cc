export * from './clinic.model';
export * from './clinic.repository';
export * from './clinics.module';
