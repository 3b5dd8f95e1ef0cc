import { DocumentNode, GraphQLError, GraphQLSchema, parse, specifiedRules, validate, ValidationRule } from 'graphql';
import { AppConfig, argumentTextRule, depthLimitRule, documentNestingError } from '@referloop/common';

/** The rules every operation is validated against beside GraphQL's own, over HTTP and WebSocket alike. */
export function requestValidationRules(config: AppConfig): ValidationRule[] {
  return [depthLimitRule(config.graphql.maxDepth), argumentTextRule];
}

/**
 * How live (WebSocket) operations are read and validated: graphql-ws parses and validates on
 * its own, with no limits, so it gets the same ones as HTTP requests. An over-nested document
 * is refused before it is parsed (as an error on that subscription; the connection stays), then
 * the token limit bounds the parse and the same rules validate it.
 */
export function liveDocumentChecks(config: AppConfig): {
  onSubscribe: (context: unknown, id: string, payload: { query: string }) => readonly GraphQLError[] | undefined;
  parse: (source: string) => DocumentNode;
  validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[];
} {
  const rules = [...specifiedRules, ...requestValidationRules(config)];
  return {
    onSubscribe: (_context, _id, payload) => {
      const nested = documentNestingError(payload.query, config.graphql.maxTokens);
      return nested ? [nested] : undefined;
    },
    parse: (source) => parse(source, { maxTokens: config.graphql.maxTokens }),
    validate: (schema, document) => validate(schema, document, rules),
  };
}
