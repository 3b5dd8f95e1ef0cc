export * from './audit.module';
export * from './audit-writer';
export * from './audit-entry-sql';
