import { expectValidFhir } from './fhir-validation';

/** A FHIR answer: its status, headers and JSON body. */
export interface FhirResponse {
  status: number;
  headers: Headers;
  body: any;
}

/**
 * A plain FHIR client of the gateway: real HTTP GETs with Node's fetch, as the holder of a
 * bearer token (or nobody). Every answer must be FHIR JSON; `ok` and `search` also validate it
 * (both validators, each Bundle entry on its own), so no test can read a resource the
 * validators were not shown.
 */
export class FhirClient {
  constructor(
    /** The gateway, http://127.0.0.1:<port>. */
    readonly gateway: string,
    readonly token?: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {}

  as(token: string | undefined): FhirClient {
    return new FhirClient(this.gateway, token, this.headers);
  }

  withHeaders(headers: Record<string, string>): FhirClient {
    return new FhirClient(this.gateway, this.token, { ...this.headers, ...headers });
  }

  /** GET `/fhir/R4/<path>`; `path` may also be a link the server wrote (absolute, under its public base). */
  async get(path: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<FhirResponse> {
    const headers: Record<string, string> = { accept: 'application/fhir+json', ...this.headers, ...init.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const relative = /^https?:/.test(path) ? fhirPathOf(path) : `/fhir/R4/${path}`;
    const response = await fetch(`${this.gateway}${relative}`, { method: init.method ?? 'GET', headers });
    const text = await response.text();
    expect(response.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    return { status: response.status, headers: response.headers, body: JSON.parse(text) };
  }

  /**
   * POST to `/fhir/R4/<path>` (`''` for the base): a resource, sent as application/fhir+json, or
   * text sent as it is (a body that is not JSON), each with the headers given (another
   * Content-Type, If-None-Exist). Every answer must be FHIR JSON; validating it is the test's.
   */
  async post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<FhirResponse> {
    const sent: Record<string, string> = { accept: 'application/fhir+json', 'content-type': 'application/fhir+json', ...this.headers, ...headers };
    if (this.token) sent.authorization = `Bearer ${this.token}`;
    const response = await fetch(`${this.gateway}/fhir/R4${path ? `/${path}` : ''}`, { method: 'POST', headers: sent, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await response.text();
    expect(response.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    return { status: response.status, headers: response.headers, body: JSON.parse(text) };
  }

  /** A read or operation that must answer 200 with a valid resource. */
  async ok(path: string): Promise<any> {
    const response = await this.get(path);
    if (response.status !== 200) throw new Error(`Expected 200 from GET ${path}, got ${response.status}: ${JSON.stringify(response.body)}`);
    expectValidFhir(response.body);
    return response.body;
  }

  /** Every resource a search finds (search.mode match), following its next links; each page validated. */
  async search(path: string): Promise<any[]> {
    const found: any[] = [];
    for (let next: string | undefined = path; next; ) {
      const page = await this.ok(next);
      expect(page).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
      found.push(...(page.entry ?? []).filter((entry: any) => entry.search.mode === 'match').map((entry: any) => entry.resource));
      next = page.link.find((link: any) => link.relation === 'next')?.url;
    }
    return found;
  }

  /** The ids a search finds. */
  async ids(path: string): Promise<string[]> {
    return (await this.search(path)).map((resource) => resource.id);
  }
}

/** The path and query of a link the server wrote under its public base (PUBLIC_URL), to follow it on the test's gateway. */
export function fhirPathOf(link: string): string {
  const url = new URL(link);
  expect(url.pathname.startsWith('/fhir/R4/')).toBe(true);
  return `${url.pathname}${url.search}`;
}

/** The OperationOutcome of a refusal: its status, issue code and the words its diagnostics must hold. */
export function expectOutcome(response: FhirResponse, status: number, code: string, diagnostics?: string | RegExp): void {
  expect({ status: response.status, resourceType: response.body.resourceType, code: response.body.issue?.[0]?.code }).toEqual({ status, resourceType: 'OperationOutcome', code });
  expectValidFhir(response.body);
  if (diagnostics !== undefined) expect(response.body.issue[0].diagnostics).toMatch(diagnostics);
  // Never a stack trace, nor a server path.
  expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\.(ts|js):\d+|node_modules|\/work\//);
}
