import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { LiveConnections } from './live/live-connections';

/**
 * The first step of a graceful shutdown. Nest closes the HTTP server only after every
 * onModuleDestroy has run, which would shut the queues (and anything else) under requests still
 * being answered. This provider lives in the root module, whose hooks run first: it stops
 * accepting connections and waits for the requests in flight (Fastify answers 503 to new
 * requests on kept-alive connections meanwhile); the database pool closes last, at
 * application shutdown. Live (WebSocket) connections are closed first, as going away: the HTTP
 * server would otherwise wait for them forever.
 */
@Injectable()
export class HttpDrain implements OnModuleDestroy {
  private readonly logger = new Logger('Gateway');
  /**
   * Set once shutdown has begun. The server then answers with `Connection: close` (see the
   * gateway's bootstrap): a kept-alive connection whose request was in flight when closing began
   * would otherwise hold the close open until its keep-alive timeout.
   */
  draining = false;

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly live: LiveConnections,
  ) {}

  async onModuleDestroy(): Promise<void> {
    this.draining = true;
    this.logger.log('Shutting down: no new connections; closing live connections and finishing the requests in flight');
    await Promise.all([this.host.httpAdapter.close(), this.live.closeAll()]);
  }
}
