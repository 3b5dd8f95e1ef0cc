export * from './error-code';
export * from './error-reason';
export * from './domain-error';
export * from './format-graphql-error';
export * from './graphql-exception.filter';
export * from './graphql-error-body';
export * from './format-execution-result';
