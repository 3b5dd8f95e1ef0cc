import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { JobQueues, QueueName } from '@referloop/jobs';
import { AdminSession } from './admin-session';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * The dashboard's own pages load its script and style sheets from under its path, which the
 * gateway-wide policy (nothing at all may load) would block; nothing from elsewhere may load.
 */
const DASHBOARD_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * bull-board at /admin/queues — every queue of the catalogue, with its jobs, retries and
 * failures — for platform admins only: every request is checked (bearer token or the admin
 * cookie) before bull-board sees it. Registered in a Fastify scope of its own, so its check and
 * its content policy apply to its routes alone.
 */
export async function registerQueueDashboard(fastify: FastifyInstance, jobs: JobQueues, session: AdminSession): Promise<void> {
  const board = new BullBoardFastifyAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(jobs.queue(name))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'ReferLoop queues' } },
  });
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const access = await session.access(request.headers, request.ip);
      if (access === 'admin') return;
      const wantsPage = (request.headers.accept ?? '').includes('text/html');
      if (access === 'not-signed-in' && wantsPage) return reply.status(303).header('location', '/admin/login').send();
      return reply
        .status(access === 'not-signed-in' ? 401 : 403)
        .send({ error: access === 'not-signed-in' ? 'Sign in as a platform admin' : 'Platform admins only' });
    });
    scope.addHook('onSend', async (_request, reply) => {
      reply.header('content-security-policy', DASHBOARD_POLICY);
    });
    await scope.register(board.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
}
