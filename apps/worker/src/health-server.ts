import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The worker's only HTTP surface: GET /health answers 200 once its processors consume jobs,
 * 503 before that and while shutting down.
 */
export class HealthServer {
  private readonly server: Server;

  constructor(private readonly check: () => Promise<{ healthy: boolean; details: Record<string, unknown> }>) {
    this.server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url !== '/health') {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
        return;
      }
      this.check().then(
        ({ healthy, details }) => {
          response.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: healthy ? 'ok' : 'unavailable', ...details }));
        },
        () => response.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"unavailable"}'),
      );
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
