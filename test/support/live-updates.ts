import { createClient, type Client } from 'graphql-ws';
import { WebSocket } from 'ws';
import { pollUntil, withDeadline } from './poll-until';

/** What the tests ask of each live update: the referral's state and a few relations that must resolve. */
export const REFERRAL_UPDATED = `subscription referralUpdated($filter: ReferralUpdatedFilter) {
  referralUpdated(filter: $filter) { id status version patient { id } toProvider { id } referringClinic { id } }
}`;

export interface LiveReferral {
  id: string;
  status: string;
  version: number;
  patient?: { id: string };
  toProvider?: { id: string } | null;
  referringClinic?: { id: string };
  redirectedFrom?: { id: string } | null;
}

export interface Closed {
  code: number;
  reason: string;
}

export interface LiveOptions {
  /** The access token sent as connectionParams.authorization; undefined sends no connection params at all. */
  token?: string;
  /** The whole authorization value, for malformed ones. */
  authorization?: string;
  filter?: { direction?: 'INBOUND' | 'OUTBOUND'; ids?: string[] };
  query?: string;
  /** HTTP headers of the upgrade request (X-Forwarded-For, as a proxy would add). */
  headers?: Record<string, string>;
  /**
   * Asked for an access token at every (re)connection, as the web app does; with it the client
   * reconnects after a close, as graphql-ws clients do by default, instead of giving up.
   */
  tokenAtConnection?: () => string;
}

const WAIT_MS = 10_000;

/**
 * One graphql-ws connection to a gateway carrying one referralUpdated subscription, recording
 * everything the server sends it, in order, and how the connection ended. The connection is
 * opened at once (the client is lazy, the subscription starts it).
 */
export class LiveSubscriber {
  readonly updates: LiveReferral[] = [];
  /** GraphQL errors in results, and what the subscription's error callback was handed. */
  readonly errors: unknown[] = [];
  /** How the connection last closed; null while it is open again after a reconnection. */
  closedWith: Closed | null = null;
  /** Every close, in order. */
  readonly closes: Closed[] = [];
  /** Connections the server acknowledged. */
  connections = 0;
  completed = false;
  private readonly client: Client;
  private readonly unsubscribe: () => void;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly name: string,
    gatewayUrl: string,
    options: LiveOptions,
  ) {
    const authorization = options.authorization ?? (options.token === undefined ? undefined : `Bearer ${options.token}`);
    const headers = options.headers;
    this.client = createClient({
      url: `${gatewayUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: headers
        ? class extends WebSocket {
            constructor(address: string | URL, protocols?: string | string[]) {
              super(address, protocols, { headers });
            }
          }
        : WebSocket,
      connectionParams: options.tokenAtConnection
        ? () => ({ authorization: `Bearer ${options.tokenAtConnection?.() ?? ''}` })
        : authorization === undefined
          ? undefined
          : { authorization },
      retryAttempts: options.tokenAtConnection ? 3 : 0,
      retryWait: async () => undefined,
    });
    this.client.on('connected', () => {
      this.connections += 1;
      this.closedWith = null;
      this.changed();
    });
    this.client.on('closed', (event) => {
      const { code, reason } = event as { code: number; reason: unknown };
      this.closedWith = { code, reason: String(reason) };
      this.closes.push(this.closedWith);
      this.changed();
    });
    this.unsubscribe = this.client.subscribe<{ referralUpdated: LiveReferral }>(
      { query: options.query ?? REFERRAL_UPDATED, variables: { filter: options.filter ?? null } },
      {
        next: (result) => {
          if (result.errors?.length) this.errors.push(...result.errors);
          if (result.data?.referralUpdated) this.updates.push(result.data.referralUpdated);
          this.changed();
        },
        error: (error) => {
          this.errors.push(error);
          this.changed();
        },
        complete: () => {
          this.completed = true;
          this.changed();
        },
      },
    );
  }

  /** The updates about these referrals, in the order they came. */
  about(ids: string | ReadonlySet<string>): LiveReferral[] {
    const wanted = typeof ids === 'string' ? new Set([ids]) : ids;
    return this.updates.filter((update) => wanted.has(update.id));
  }

  /** The updates about any referral but these, in the order they came. */
  except(ids: ReadonlySet<string>): LiveReferral[] {
    return this.updates.filter((update) => !ids.has(update.id));
  }

  /** Resolves with the first update matching `predicate` (one already here counts), within a deadline. */
  update(predicate: (update: LiveReferral) => boolean, what: string, ms = WAIT_MS): Promise<LiveReferral> {
    return this.until(() => this.updates.find(predicate), `${this.name} to hear ${what}`, ms);
  }

  /** Resolves with how the connection was closed, within a deadline. */
  closed(ms = WAIT_MS): Promise<Closed> {
    return this.until(() => this.closedWith ?? undefined, `${this.name}'s connection to close`, ms);
  }

  /** Resolves once the server has acknowledged `count` connections (a reconnection after a close), within a deadline. */
  connected(count: number, ms = WAIT_MS): Promise<number> {
    return this.until(() => (this.connections >= count ? this.connections : undefined), `${this.name} to be connected ${count} times`, ms, true);
  }

  /** Resolves with the errors the subscription ended with (the server refused it), within a deadline. */
  refusal(ms = WAIT_MS): Promise<unknown[]> {
    return this.until(() => (this.errors.length > 0 ? this.errors : undefined), `${this.name}'s subscription to be refused`, ms);
  }

  /** Ends the subscription and the connection, and waits until the socket is closed. */
  async dispose(): Promise<void> {
    this.unsubscribe();
    await this.client.dispose();
    // A socket that never opened (or is already closed) reports no further close.
    if (this.closedWith === null) await this.closed(5_000).catch(() => undefined);
  }

  /** `throughCloses`: a close is expected on the way (the client reconnects), not a reason to stop waiting. */
  private until<T>(check: () => T | undefined, what: string, ms: number, throughCloses = false): Promise<T> {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    let listener: (() => void) | undefined;
    const found = new Promise<T>((resolve, reject) => {
      listener = () => {
        const value = check();
        if (value !== undefined) return resolve(value);
        // A connection that ended will hear nothing more: fail now rather than at the deadline.
        if (this.closedWith !== null && !throughCloses) reject(new Error(`Waiting for ${what}, but the connection closed: ${JSON.stringify(this.closedWith)}; errors ${JSON.stringify(this.errors)}`));
      };
      this.listeners.add(listener);
    });
    return withDeadline(found, ms, `Waiting for ${what} (errors so far ${JSON.stringify(this.errors)})`).finally(() => this.listeners.delete(listener!));
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * Live updates carry no acknowledgement that a subscription has started listening, and a change
 * published before that is (by design) never delivered. So each subscriber is known to listen
 * once it has heard a change made for the purpose: `probe` makes one (a fresh referral the
 * subscriber may see) and returns its id, collected in `probeIds` so that assertions can leave
 * them out. A probe is made again only while some subscriber has not heard any yet.
 */
export async function untilListening(subscribers: readonly LiveSubscriber[], probe: () => Promise<string>, probeIds: Set<string>): Promise<void> {
  await pollUntil(
    async () => {
      const deaf = subscribers.filter((subscriber) => !subscriber.updates.some((update) => probeIds.has(update.id)));
      const ended = deaf.filter((subscriber) => subscriber.closedWith !== null);
      if (ended.length > 0) throw new Error(`Closed before listening: ${ended.map((s) => `${s.name} ${JSON.stringify(s.closedWith)} ${JSON.stringify(s.errors)}`).join('; ')}`);
      if (deaf.length > 0) probeIds.add(await probe());
      return deaf.map((subscriber) => subscriber.name);
    },
    (deaf) => deaf.length === 0,
    { timeoutMs: 15_000, what: 'every subscriber to hear a probe change', intervalMs: 100 },
  );
}

/** Disposes them all, whatever state each is in. */
export async function disposeAll(subscribers: Iterable<LiveSubscriber>): Promise<void> {
  await Promise.all([...subscribers].map((subscriber) => subscriber.dispose().catch(() => undefined)));
}
