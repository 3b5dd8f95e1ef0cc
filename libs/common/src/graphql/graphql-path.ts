/** Where the GraphQL API answers, over HTTP and WebSocket. */
export const GRAPHQL_PATH = '/graphql';
