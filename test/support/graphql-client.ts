/**
 * A deliberately plain GraphQL client: one real HTTP POST per call with Node's fetch, so the
 * tests exercise exactly what a client on the network would.
 */
export interface GraphqlError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown> & { code?: string; field?: string };
}

export interface GraphqlResponse<TData = Record<string, any>> {
  status: number;
  data: TData | null | undefined;
  errors: GraphqlError[] | undefined;
}

export type Variables = Record<string, unknown>;

export class GraphqlClient {
  constructor(
    readonly url: string,
    readonly token?: string,
    /** Extra HTTP headers sent with every request (X-Forwarded-For, say). */
    readonly extraHeaders: Readonly<Record<string, string>> = {},
  ) {}

  /** The same endpoint, as the holder of `token` (extra headers are kept). */
  as(token: string | undefined): GraphqlClient {
    return new GraphqlClient(this.url, token, this.extraHeaders);
  }

  /** The same endpoint and token, also sending `headers` on every request. */
  withHeaders(headers: Record<string, string>): GraphqlClient {
    return new GraphqlClient(this.url, this.token, { ...this.extraHeaders, ...headers });
  }

  async request<TData = Record<string, any>>(query: string, variables: Variables = {}): Promise<GraphqlResponse<TData>> {
    const headers: Record<string, string> = { ...this.extraHeaders, 'content-type': 'application/json', accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const response = await fetch(this.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const text = await response.text();
    let body: { data?: TData | null; errors?: GraphqlError[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`Non-JSON response (HTTP ${response.status}) to ${firstLine(query)}: ${text.slice(0, 500)}`);
    }
    return { status: response.status, data: body.data, errors: body.errors };
  }

  /** Runs an operation that must succeed and returns its data; fails loudly otherwise. */
  async ok<TData = Record<string, any>>(query: string, variables: Variables = {}): Promise<TData> {
    const response = await this.request<TData>(query, variables);
    if (response.errors?.length || !response.data) {
      throw new Error(
        `Expected ${firstLine(query)} to succeed, got: ${JSON.stringify(response.errors ?? response.data)}\n` +
          `variables: ${JSON.stringify(variables)}`,
      );
    }
    return response.data;
  }
}

function firstLine(query: string): string {
  return query.trim().split('\n')[0].slice(0, 120);
}
