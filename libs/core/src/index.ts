// What every process loads, with no GraphQL: configuration, domain errors and their codes, SQL
// helpers, geodesy, the text rule, and small request utilities. GraphQL-facing pieces (scalars,
// plugins, the error formatter, pagination types) are in @referloop/common.
export * from './config/app-config';
export * from './config/config.module';
export * from './errors/error-code';
export * from './errors/error-reason';
export * from './errors/domain-error';
export * from './errors/graphql-error-body';
export * from './errors/unexpected-error-log';
export * from './geo/great-circle';
export * from './sql/sql-params';
export * from './sql/kept-results';
export * from './sql/group-batcher';
export * from './validation/text-rules';
export * from './validation/ids';
export * from './request/keyed-serial-queue';
export * from './request/throttled-logger';
export * from './request/client-address';
export * from './request/cookies';
