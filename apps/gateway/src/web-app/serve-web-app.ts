import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cacheControlFor } from './cache-policy';
import { isBuiltFilePath, isGatewayPath, isGraphiqlPath } from './gateway-paths';
import { NOT_BUILT_STATUS, notBuiltPage } from './not-built-page';
import { WebAppFiles } from './web-app-files';
import { GRAPHIQL_HEADERS, WEB_APP_HEADERS } from './web-app-policy';
import { wantsHtml } from './wants-html';

export interface WebAppOptions {
  /** GraphiQL's files (development only: in production /graphiql/… is a 404). */
  serveGraphiql: boolean;
}

/**
 * The web app at `/`: the build's files as they are, and its page (index.html) for any other
 * page a browser asks for (the app's own routes, /patients, /referrals/…), so a reload or a
 * shared link lands in the app, which routes it. The gateway's own paths, and files missing
 * under assets/, answer the gateway's 404 as before. Registered in a Fastify scope of its own
 * (@fastify/static decorates the replies of that scope alone; bull-board registers its own).
 */
export async function serveWebApp(fastify: FastifyInstance, files: WebAppFiles, { serveGraphiql }: WebAppOptions): Promise<void> {
  await fastify.register(async (scope) => {
    // Only reply.sendFile (ETag, ranges, safe paths); which file answers is decided here.
    await scope.register(fastifyStatic, { root: files.root, serve: false, index: false, cacheControl: false, dotfiles: 'deny', suppressWarning: true });

    // The policy goes on the web app's own answers only, not in a hook: a 404 handed on with
    // callNotFound runs this scope's hooks too, and must keep the gateway's policy.
    const sendFile = (reply: FastifyReply, file: string) =>
      reply
        .headers(isGraphiqlPath(`/${file}`) ? GRAPHIQL_HEADERS : WEB_APP_HEADERS)
        .header('cache-control', cacheControlFor(file))
        .sendFile(file);

    const sendPage = async (reply: FastifyReply) => {
      if (await files.built()) return sendFile(reply, 'index.html');
      return reply
        .code(NOT_BUILT_STATUS)
        .headers(WEB_APP_HEADERS)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(notBuiltPage('The web app'));
    };

    scope.get('/', (_request, reply) => sendPage(reply));
    scope.get('/*', async (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
      const path = `/${request.params['*']}`;
      if (isGatewayPath(path) || (!serveGraphiql && isGraphiqlPath(path))) return reply.callNotFound();
      const file = await files.file(path);
      if (file !== null) return sendFile(reply, file);
      if (isBuiltFilePath(path) || !wantsHtml(request)) return reply.callNotFound();
      return sendPage(reply);
    });
  });
}
