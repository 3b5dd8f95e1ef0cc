export * from './logging.module';
export * from './safe-path';
export * from './request-id';
