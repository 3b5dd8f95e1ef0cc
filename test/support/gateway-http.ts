import { IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { deleteQueueKeys } from './queue-keys';
import type { TestApp } from './test-app';
import { dropTestDatabase } from './test-database';

/**
 * Plain HTTP to the gateway, below the GraphQL client: every header is the test's to choose
 * (Origin, Accept, content types a browser sends cross-site), and each request opens a
 * connection of its own, so "a new connection" means exactly that.
 */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export function rawRequest(url: string, { method = 'GET', headers = {}, body }: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      {
        method,
        // No keep-alive pool: a request never rides on a connection an earlier one left open.
        agent: false,
        headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** The JSON body of a GraphQL answer; fails with the raw text when it is not JSON. */
export function graphqlBody(response: RawResponse): { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> } {
  try {
    return JSON.parse(response.body) as ReturnType<typeof graphqlBody>;
  } catch {
    throw new Error(`Expected a JSON body, got HTTP ${response.status} ${String(response.headers['content-type'])}: ${response.body.slice(0, 300)}`);
  }
}

/** A Set-Cookie header as its value and attributes (names lower-cased). */
export interface SetCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

/** Every Set-Cookie header of an answer, in order. */
export function setCookies(response: RawResponse): SetCookie[] {
  const raw = response.headers['set-cookie'] ?? [];
  return raw.map((line) => {
    const [pair, ...rest] = line.split(';').map((part) => part.trim());
    const separator = pair.indexOf('=');
    const attributes: Record<string, string | true> = {};
    for (const attribute of rest) {
      const at = attribute.indexOf('=');
      if (at < 0) attributes[attribute.toLowerCase()] = true;
      else attributes[attribute.slice(0, at).toLowerCase()] = attribute.slice(at + 1);
    }
    return { name: pair.slice(0, separator), value: decodeURIComponent(pair.slice(separator + 1)), attributes };
  });
}

/** The names of the CORS headers an answer carries. */
export function corsHeaderNames(response: RawResponse): string[] {
  return Object.keys(response.headers).filter((name) => name.startsWith('access-control-'));
}

/**
 * What `TestApp.close()` does besides closing the Nest application: for a test that closed the
 * application itself (closing it twice would run every shutdown hook twice).
 */
export async function releaseTestAppStorage(app: TestApp): Promise<void> {
  await Promise.all([dropTestDatabase(app.databaseName), deleteQueueKeys(app.config.redisUrl, app.config.queuePrefix)]);
}
