export * from './provider.model';
export * from './provider.repository';
export * from './providers.module';
