export * from './clinic.model';
export * from './clinic-loader';
export * from './clinic.repository';
export * from './clinics.module';
