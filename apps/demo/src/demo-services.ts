import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, loadConfig } from '@referloop/core';
import { createGatewayApp } from '../../gateway/src/bootstrap';
import { RunningWorker, startWorker } from '../../worker/src/bootstrap';

export interface DemoServices {
  config: AppConfig;
  /** http://127.0.0.1:<port>/graphql */
  graphqlUrl: string;
  workerHealthPort: number;
  stop(): Promise<void>;
}

/**
 * The real gateway and worker, in this process, on loopback ports of the system's choosing.
 * The worker is started once the gateway listens, so patients' links in its emails point at
 * the gateway's real address.
 */
export async function startServices(env: Record<string, string | undefined>): Promise<DemoServices> {
  const config = loadConfig({ ...env, HOST: '127.0.0.1', PORT: '0', WORKER_PORT: '0', SMTP_URL: '' });
  let gateway: NestFastifyApplication | undefined;
  let worker: RunningWorker | undefined;
  try {
    gateway = await createGatewayApp(config);
    await gateway.listen({ port: 0, host: '127.0.0.1' });
    const { port } = gateway.getHttpServer().address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    const running = { ...config, links: { ...config.links, publicUrl: baseUrl } };
    worker = await startWorker(running);
    const [startedGateway, startedWorker] = [gateway, worker];
    return {
      config: running,
      graphqlUrl: `${baseUrl}/graphql`,
      workerHealthPort: startedWorker.healthPort,
      async stop() {
        // The worker first: it finishes what it is sending while the gateway still answers.
        try {
          await startedWorker.stop();
        } finally {
          await startedGateway.close();
        }
      },
    };
  } catch (error) {
    await worker?.stop().catch(() => undefined);
    await gateway?.close().catch(() => undefined);
    throw error;
  }
}
