export * from './logging.module';
export * from './nest-logger';
export * from './request-log';
export * from './request-logging';
export * from './safe-path';
export * from './request-id';
