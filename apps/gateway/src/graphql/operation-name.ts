import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { Kind } from 'graphql';

/**
 * The request's operation name: the one Apollo resolved, else the one the client sent, else —
 * for a request refused before Apollo resolved it (invalid, over budget) — the name of the
 * document's only operation. Null for an unnamed or unparseable one.
 */
export function operationNameOf(context: GraphQLRequestContextWillSendResponse<object>): string | null {
  if (context.operationName) return context.operationName;
  if (context.request.operationName) return context.request.operationName;
  const operations = context.document?.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION) ?? [];
  return operations.length === 1 && operations[0].kind === Kind.OPERATION_DEFINITION ? (operations[0].name?.value ?? null) : null;
}
