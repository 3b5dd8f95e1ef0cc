/**
 * A tiny GraphQL-over-HTTP client: the demo talks to the gateway exactly as any client on the
 * network would, one POST per operation (on Node's fetch, or handed to the gateway in process).
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

/** How a request reaches the gateway: the JSON body and headers in, the status and text of the answer out. */
export type GraphqlTransport = (body: string, headers: Record<string, string>) => Promise<{ status: number; text: string }>;

/** Over the network to `url`, as any client would. */
export const overHttp =
  (url: string): GraphqlTransport =>
  async (body, headers) => {
    const response = await fetch(url, { method: 'POST', headers, body });
    return { status: response.status, text: await response.text() };
  };

export class GraphqlClient {
  private readonly transport: GraphqlTransport;

  /** `target`: the gateway's /graphql URL, or another way to reach it. */
  constructor(
    target: string | GraphqlTransport,
    private readonly token?: string,
  ) {
    this.transport = typeof target === 'string' ? overHttp(target) : target;
  }

  /** The same endpoint, signed in with `token`. */
  as(token: string): GraphqlClient {
    return new GraphqlClient(this.transport, token);
  }

  /** Runs an operation that must succeed; its GraphQL errors become one thrown error naming them. */
  async run<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const { status, text } = await this.transport(JSON.stringify({ query, variables }), headers);
    const operation = operationName(query);
    let body: { data?: T | null; errors?: GraphqlErrorEntry[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`${operation}: HTTP ${status}, not JSON: ${text.slice(0, 300)}`);
    }
    if (body.errors?.length) throw new GraphqlRequestError(operation, body.errors);
    if (!body.data) throw new Error(`${operation}: HTTP ${status} without data`);
    return body.data;
  }
}

/** `mutation acceptReferral(...)` → acceptReferral. */
function operationName(query: string): string {
  return /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'operation';
}
