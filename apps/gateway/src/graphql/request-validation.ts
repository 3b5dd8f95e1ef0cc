import { ASTVisitor, DocumentNode, GraphQLError, GraphQLSchema, OperationTypeNode, parse, specifiedRules, validate, ValidationContext, ValidationRule } from 'graphql';
import { argumentTextRule, depthLimitRule, documentNestingError } from '@referloop/common';
import { AppConfig } from '@referloop/core';

/** The rules every operation is validated against beside GraphQL's own, over HTTP and WebSocket alike. */
export function requestValidationRules(config: AppConfig): ValidationRule[] {
  return [depthLimitRule(config.graphql.maxDepth), argumentTextRule];
}

/**
 * Live connections carry subscriptions only. graphql-ws would run queries and mutations too, but
 * outside Apollo: without the cost limit, the checks of variables, the request log and the audit
 * of a request. Clients send those over HTTP.
 */
const subscriptionsOnlyRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  OperationDefinition(node) {
    if (node.operation !== OperationTypeNode.SUBSCRIPTION) {
      context.reportError(new GraphQLError(`Only subscriptions are served over WebSocket; send ${node.operation} operations over HTTP`, { nodes: [node] }));
    }
  },
});

/**
 * How live (WebSocket) operations are read and validated: graphql-ws parses and validates on
 * its own, with no limits, so it gets the same ones as HTTP requests. An over-nested document
 * is refused before it is parsed (as an error on that subscription; the connection stays), then
 * the token limit bounds the parse and the same rules validate it, plus one: subscriptions only.
 * A subscription's one argument is an enum, so the checks of variables have nothing to hold.
 */
export function liveDocumentChecks(config: AppConfig): {
  onSubscribe: (context: unknown, id: string, payload: { query: string }) => readonly GraphQLError[] | undefined;
  parse: (source: string) => DocumentNode;
  validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[];
} {
  const rules = [...specifiedRules, ...requestValidationRules(config), subscriptionsOnlyRule];
  return {
    onSubscribe: (_context, _id, payload) => {
      const nested = documentNestingError(payload.query, config.graphql.maxTokens);
      return nested ? [nested] : undefined;
    },
    parse: (source) => parse(source, { maxTokens: config.graphql.maxTokens }),
    validate: (schema, document) => validate(schema, document, rules),
  };
}
