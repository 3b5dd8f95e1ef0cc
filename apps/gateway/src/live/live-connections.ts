import { Inject, Injectable } from '@nestjs/common';
import proxyAddr from '@fastify/proxy-addr';
import type { ExecutionArgs } from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { AuditWriter } from '@referloop/audit';
import { TokenService, UserRepository } from '@referloop/auth';
import { Actor, AuditTrail, Loaders, RequestContext } from '@referloop/common';
import { APP_CONFIG, AppConfig, clientAddress } from '@referloop/core';
import { ProxyTrust, proxyTrust } from '../proxy-trust';

/** What graphql-ws keeps for a WebSocket connection (the `ws` adapter's `extra`). */
interface Extra {
  socket: WebSocket;
  request: IncomingMessage;
}

/**
 * The close code for a connection whose access token expired: one of the application's own
 * (4000-4999), which graphql-ws clients retry, reconnecting with a renewed token. graphql-ws's
 * own 4401 Unauthorized would make them give up, and a page's live updates stop for good.
 */
const TOKEN_EXPIRED = 4000;
/** WebSocket's close code for a server going away (RFC 6455); clients reconnect, to another replica. */
const GOING_AWAY = 1001;
/** How long a client may take to answer the closing handshake before its socket is cut. */
const CLOSE_HANDSHAKE_MS = 1000;
/** Live operations read no cookies (see the class comment). */
const NO_COOKIES: ReadonlyMap<string, string> = new Map();

/**
 * Authenticates live (WebSocket) connections with the same access token as HTTP requests, sent
 * as `connectionParams.authorization` ("Bearer <token>"). A connection whose token is invalid,
 * whose user is disabled or whose browser session has ended is refused; an accepted one is
 * closed when its token expires, as a request with it would then be refused. The session cookie
 * is never read here: a WebSocket is not subject to CORS, so a page of any site could open one.
 */
@Injectable()
export class LiveConnections {
  private readonly actors = new WeakMap<object, Actor>();
  /** Every socket that has said hello (connection_init), so shutdown can close them. */
  private readonly sockets = new Set<WebSocket>();
  /** Set once shutdown has begun: a socket saying hello after that is closed straight away. */
  private closing = false;
  /** Whom to believe in X-Forwarded-For, as for HTTP requests (TRUST_PROXY). */
  private readonly trusted: ProxyTrust;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly tokens: TokenService,
    private readonly users: UserRepository,
    private readonly audit: AuditWriter,
  ) {
    this.trusted = proxyTrust(config.trustProxy);
  }

  /** graphql-ws's onConnect: false refuses the connection (it closes with 4403 Forbidden). */
  async connect(context: WsContext<Record<string, unknown> | undefined, unknown>): Promise<boolean> {
    const extra = context.extra as Extra;
    if (this.closing) {
      extra.socket.close(GOING_AWAY, 'Server shutting down');
      return false;
    }
    this.sockets.add(extra.socket);
    extra.socket.once('close', () => this.sockets.delete(extra.socket));
    const authorization = context.connectionParams?.authorization;
    const claims = typeof authorization === 'string' ? this.tokens.bearerClaims(authorization) : null;
    if (!claims) return false;
    // The same check as every HTTP request's: a disabled user's token, or an ended session's, is refused.
    const actor = await this.users.findActiveActor(claims, this.addressOf(extra));
    // A session that may only enrol a second factor hears nothing either.
    if (!actor || actor.needsSecondFactor) return false;
    this.actors.set(extra, actor);
    const timer = setTimeout(() => extra.socket.close(TOKEN_EXPIRED, 'Token expired'), Math.max(0, claims.expiresAt.getTime() - Date.now()));
    extra.socket.once('close', () => clearTimeout(timer));
    return true;
  }

  /**
   * The first step of shutdown: the HTTP server cannot finish closing while a WebSocket holds
   * its connection open. Each one is closed as going away, and cut if its client does not answer
   * the handshake in time. A socket that never said hello is closed by graphql-ws itself within
   * its connection-init timeout (3 s).
   */
  async closeAll(): Promise<void> {
    this.closing = true;
    await Promise.all(
      [...this.sockets].map(
        (socket) =>
          new Promise<void>((resolve) => {
            const cut = setTimeout(() => socket.terminate(), CLOSE_HANDSHAKE_MS);
            socket.once('close', () => {
              clearTimeout(cut);
              resolve();
            });
            socket.close(GOING_AWAY, 'Server shutting down');
          }),
      ),
    );
  }

  /** The GraphQL context of a live operation: the connection's actor, a fresh audit trail and batch loaders. */
  context(context: WsContext<Record<string, unknown> | undefined, unknown>): RequestContext {
    const extra = context.extra as Extra;
    return {
      authorization: undefined,
      ipAddress: this.addressOf(extra),
      userAgent: extra.request.headers['user-agent'],
      cookies: NO_COOKIES,
      setCookie: () => {
        throw new Error('A live operation has no HTTP answer to set a cookie on');
      },
      actor: this.actors.get(extra),
      audit: new AuditTrail(),
      loaders: new Loaders(),
    };
  }

  /**
   * graphql-ws's onNext, once an update's fields have all been resolved: writes its audit entry
   * (the referral, its patient, and any linked referral a field read), before it is sent.
   */
  async updateResolved(args: ExecutionArgs): Promise<void> {
    const context = args.contextValue as RequestContext;
    if (context.actor && !context.audit.isEmpty) await this.audit.write(context.actor, context.audit);
  }

  /** The client's address, read as Fastify reads an HTTP request's under the same TRUST_PROXY. */
  private addressOf(extra: Extra): string | null {
    return clientAddress(proxyAddr(extra.request, this.trusted));
  }
}

/** A WebSocket operation's context argument, as opposed to an HTTP request. */
export const isLiveContext = (value: unknown): value is WsContext<Record<string, unknown> | undefined, unknown> =>
  typeof value === 'object' && value !== null && 'connectionParams' in value && 'extra' in value;
