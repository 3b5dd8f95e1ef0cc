/**
 * A tiny GraphQL-over-HTTP client on Node's fetch: the demo talks to the gateway exactly as any
 * client on the network would, one POST per operation.
 */
export interface GraphqlErrorEntry {
  message: string;
  extensions?: { code?: string; field?: string };
}

export class GraphqlRequestError extends Error {
  constructor(
    readonly operation: string,
    readonly errors: GraphqlErrorEntry[],
  ) {
    super(`${operation} failed: ${errors.map((error) => `${error.extensions?.code ?? 'ERROR'} ${error.message}${error.extensions?.field ? ` (${error.extensions.field})` : ''}`).join('; ')}`);
  }
}

export class GraphqlClient {
  constructor(
    readonly url: string,
    private readonly token?: string,
  ) {}

  /** The same endpoint, signed in with `token`. */
  as(token: string): GraphqlClient {
    return new GraphqlClient(this.url, token);
  }

  /** Runs an operation that must succeed; its GraphQL errors become one thrown error naming them. */
  async run<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const response = await fetch(this.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const text = await response.text();
    const operation = operationName(query);
    let body: { data?: T | null; errors?: GraphqlErrorEntry[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`${operation}: HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`);
    }
    if (body.errors?.length) throw new GraphqlRequestError(operation, body.errors);
    if (!body.data) throw new Error(`${operation}: HTTP ${response.status} without data`);
    return body.data;
  }
}

/** `mutation acceptReferral(...)` → acceptReferral. */
function operationName(query: string): string {
  return /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'operation';
}
