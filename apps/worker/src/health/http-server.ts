import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PlainResponse {
  status: number;
  contentType: string;
  body: string;
}

/** GET routes by exact path. */
export type Routes = Record<string, () => Promise<PlainResponse>>;

export const json = (status: number, value: unknown): PlainResponse => ({ status, contentType: 'application/json', body: JSON.stringify(value) });

/**
 * The worker's only HTTP surface (health and metrics): a bare node server, since the worker
 * has no web framework and needs none for a handful of GET routes.
 */
export class WorkerHttpServer {
  private readonly server: Server;

  constructor(routes: Routes) {
    this.server = createServer((request, response) => {
      const route = request.method === 'GET' && request.url !== undefined && Object.hasOwn(routes, request.url) ? routes[request.url] : undefined;
      const answer = route ? route().catch(() => json(503, { status: 'error' })) : Promise.resolve(json(404, { error: 'not found' }));
      void answer.then(({ status, contentType, body }) => response.writeHead(status, { 'content-type': contentType }).end(body));
    });
  }

  async listen(port: number, host: string): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

