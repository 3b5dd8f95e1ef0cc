import { Plugin } from '@nestjs/apollo';
import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { RequestContext } from '@referloop/common';
import { AuditWriter } from './audit-writer';

/**
 * Writes one audit entry per GraphQL request that read or changed patients or referrals,
 * naming every id it touched, before the response leaves. Resolvers only note ids on the
 * request's AuditTrail; this is the one place that persists them.
 */
@Plugin()
export class AuditPlugin implements ApolloServerPlugin<RequestContext> {
  constructor(private readonly writer: AuditWriter) {}

  async requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    const writer = this.writer;
    return {
      async executionDidStart(context) {
        // Apollo runs this hook even when no operation matched the request (an unknown or
        // missing operationName), and only then answers its own 400: nothing ran, nothing to name.
        const operation = context.operation as typeof context.operation | undefined;
        if (!operation) return;
        const firstField = operation.selectionSet.selections.find((s) => s.kind === 'Field');
        const fieldName = firstField && 'name' in firstField ? firstField.name.value : 'unknown';
        context.contextValue.audit.operation = `${operation.operation} ${context.operationName ?? fieldName}`.slice(0, 100);
      },
      async willSendResponse({ contextValue }) {
        const { actor, audit: trail } = contextValue;
        if (actor && trail.needsEntry) await writer.write(actor, trail);
      },
    };
  }
}
