// Domain errors, their codes and reasons are in @referloop/core; these turn them into GraphQL answers.
export * from './format-graphql-error';
export * from './graphql-exception.filter';
export * from './format-execution-result';
