export * from './job-catalogue';
export * from './job-queues';
export * from './jobs.module';
export * from './redis-connection';
export * from './queue-keys';
export * from './redis-reachable';
export * from './redis-start';
export * from './relay-walk';
