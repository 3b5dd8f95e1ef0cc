import { Kind, OperationTypeNode, parse } from 'graphql';
import { SESSION_COOKIE } from '@referloop/auth';
import { GraphqlError } from './graphql-client';

/** Who makes a request: a bearer token or a browser's session cookie, and the user id the gateway should log for it (null: anonymous). */
export interface Session {
  token?: string;
  /** The value of the browser session cookie, sent as a browser would. */
  sessionCookie?: string;
  /** An API client's refresh token, from login. */
  refreshToken?: string;
  userId: string | null;
  label: string;
}

export const ANONYMOUS: Session = { userId: null, label: 'anonymous' };

/** One HTTP request the test made, with what its log line must say. */
export interface RecordedRequest {
  kind: 'graphql' | 'page';
  method: string;
  /** The path as the log line must show it. */
  loggedPath: string;
  /** The x-request-id the test sent, if it sent one the gateway should keep. */
  sentRequestId?: string;
  /** Whether the gateway should have kept the sent id (a malformed one is replaced). */
  keepsSentId: boolean;
  /** The x-request-id the response carried. */
  answeredRequestId: string | undefined;
  status: number;
  operation?: string;
  userId?: string | null;
  result?: string;
  description: string;
}

export interface GraphqlAnswer<T> {
  status: number;
  data: T | null | undefined;
  errors: GraphqlError[] | undefined;
  requestId: string | undefined;
  /** The Set-Cookie headers of the answer. */
  setCookies: string[];
}

export interface CallOptions {
  /** Sent as x-request-id; by default every other request sends one of the test's own. */
  requestId?: string | null;
  /** Whether the body names the operation (else the gateway takes it from the document). */
  sendOperationName?: boolean;
  /** The user id the log line must carry, when not the session's (a disabled user's token, say). */
  expectUserId?: string | null;
  /** What the log line's operation must be, when not the document's operation name. */
  expectOperation?: string;
}

/** The name and, for mutations, the root fields of the one operation in `query` (null when it does not parse). */
function describeDocument(query: string): { name: string | null; mutationFields: string[] } {
  try {
    const document = parse(query);
    const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    if (operations.length !== 1) return { name: null, mutationFields: [] };
    const [operation] = operations;
    const mutationFields =
      operation.operation === OperationTypeNode.MUTATION
        ? operation.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []))
        : [];
    return { name: operation.name?.value ?? null, mutationFields };
  } catch {
    return { name: null, mutationFields: [] };
  }
}

/**
 * Talks to the gateway over HTTP and writes down every request it makes, so the test can hold
 * each one against its log line afterwards, and every mutation that succeeded, so it can tell
 * which of the schema's mutations were exercised.
 */
export class RecordingClient {
  readonly requests: RecordedRequest[] = [];
  /** Mutation field → how many requests ran it without any error. */
  readonly succeeded = new Map<string, number>();
  private counter = 0;

  constructor(
    readonly baseUrl: string,
    private readonly idPrefix: string,
  ) {}

  /** A GraphQL request that must succeed; returns its data. */
  async ok<T = Record<string, any>>(session: Session, query: string, variables: Record<string, unknown> = {}, options: CallOptions = {}): Promise<T> {
    const answer = await this.graphql<T>(session, query, variables, options);
    if (answer.status !== 200 || answer.errors?.length || !answer.data) {
      throw new Error(
        `Expected ${describeDocument(query).name ?? query.slice(0, 80)} as ${session.label} to succeed, got HTTP ${answer.status}: ${JSON.stringify(answer.errors ?? answer.data)}`,
      );
    }
    return answer.data;
  }

  async graphql<T = Record<string, any>>(session: Session, query: string, variables: Record<string, unknown> = {}, options: CallOptions = {}): Promise<GraphqlAnswer<T>> {
    const document = describeDocument(query);
    const sendName = options.sendOperationName ?? this.counter % 3 !== 0;
    const body: Record<string, unknown> = { query, variables };
    if (sendName && document.name) body.operationName = document.name;
    return this.post<T>(session, JSON.stringify(body), {
      ...options,
      expectOperation: options.expectOperation ?? document.name ?? 'anonymous',
      mutationFields: document.mutationFields,
      description: `${document.name ?? 'unnamed'} as ${session.label}`,
    });
  }

  /** A request whose body the test writes itself (a document that does not parse, say). */
  async rawGraphql(session: Session, body: string, options: CallOptions & { expectOperation: string; description: string }): Promise<GraphqlAnswer<unknown>> {
    return this.post(session, body, { ...options, mutationFields: [] });
  }

  /** A GET (or POST) of one of the patients' pages; `loggedPath` is how its log line must show the path. */
  async page(method: 'GET' | 'POST', path: string, loggedPath: string, options: { requestId?: string | null } = {}): Promise<{ status: number; body: string }> {
    const { headers, sentRequestId, keepsSentId } = this.requestIdHeaders(options.requestId);
    const init: RequestInit = { method, headers, redirect: 'manual' };
    if (method === 'POST') {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      init.body = 'List-Unsubscribe=One-Click';
    }
    const response = await fetch(`${this.baseUrl}${path}`, init);
    const text = await response.text();
    this.requests.push({
      kind: 'page',
      method,
      loggedPath,
      sentRequestId,
      keepsSentId,
      answeredRequestId: response.headers.get('x-request-id') ?? undefined,
      status: response.status,
      description: `${method} ${loggedPath}`,
    });
    return { status: response.status, body: text };
  }

  private requestIdHeaders(requested: string | null | undefined): { headers: Record<string, string>; sentRequestId?: string; keepsSentId: boolean } {
    this.counter += 1;
    const headers: Record<string, string> = {};
    const sentRequestId = requested === null ? undefined : (requested ?? (this.counter % 2 === 0 ? `${this.idPrefix}-${this.counter}` : undefined));
    if (sentRequestId !== undefined) headers['x-request-id'] = sentRequestId;
    return { headers, sentRequestId, keepsSentId: sentRequestId !== undefined && /^[A-Za-z0-9._:-]{1,128}$/.test(sentRequestId) };
  }

  private async post<T>(
    session: Session,
    body: string,
    options: CallOptions & { expectOperation: string; mutationFields: string[]; description: string },
  ): Promise<GraphqlAnswer<T>> {
    const { headers, sentRequestId, keepsSentId } = this.requestIdHeaders(options.requestId);
    headers['content-type'] = 'application/json';
    headers.accept = 'application/json';
    if (session.token) headers.authorization = `Bearer ${session.token}`;
    if (session.sessionCookie) headers.cookie = `${SESSION_COOKIE}=${session.sessionCookie}`;
    const response = await fetch(`${this.baseUrl}/graphql`, { method: 'POST', headers, body });
    const text = await response.text();
    let parsed: { data?: T | null; errors?: GraphqlError[] };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      throw new Error(`Non-JSON answer (HTTP ${response.status}) to ${options.description}: ${text.slice(0, 300)}`);
    }
    const firstCode = parsed.errors?.[0]?.extensions?.code;
    this.requests.push({
      kind: 'graphql',
      method: 'POST',
      loggedPath: '/graphql',
      sentRequestId,
      keepsSentId,
      answeredRequestId: response.headers.get('x-request-id') ?? undefined,
      status: response.status,
      operation: options.expectOperation,
      userId: options.expectUserId === undefined ? session.userId : options.expectUserId,
      result: parsed.errors && parsed.errors.length > 0 ? (typeof firstCode === 'string' ? firstCode : 'INTERNAL') : 'OK',
      description: options.description,
    });
    if (response.status === 200 && !parsed.errors?.length && parsed.data) {
      for (const field of options.mutationFields) this.succeeded.set(field, (this.succeeded.get(field) ?? 0) + 1);
    }
    return {
      status: response.status,
      data: parsed.data,
      errors: parsed.errors,
      requestId: response.headers.get('x-request-id') ?? undefined,
      setCookies: response.headers.getSetCookie(),
    };
  }
}
