import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request the receiver got, with whether its signature verified under the secret(s) it holds. */
export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  headers: IncomingHttpHeaders;
  /** The status the receiver answered. */
  answered: number;
  /** When it arrived (ms since the epoch). */
  at: number;
  /** Verified with the `standardwebhooks` package (not this project's signing code), under any secret held. */
  verified: boolean;
  /**
   * Whether the answer went out: null while the receiver holds it (`holdMs`), true once written,
   * false when the sender's connection closed first (the sender died mid-request).
   */
  completed: boolean | null;
}

/** One scripted answer: a status, headers, and a body (empty unless given). */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

type Waiter = { predicate: (all: ReceivedWebhook[]) => boolean; resolve: () => void };

/**
 * An HTTP server on 127.0.0.1 that receives webhooks as a clinic's system would: it verifies
 * each signature with the Standard Webhooks reference package and answers with a scripted status
 * (200 unless `answers` says otherwise, one per request, in order). Tests wait on it by
 * condition, never by sleeping.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** Statuses to answer, in order; once used up, `fallback`. */
  answers: Answer[] = [];
  /** The answer once `answers` are used up: 200 unless a test takes the receiver "down" (503, say). */
  fallback: Answer = { status: 200 };
  /** How long each answer is held after the request arrived: a slow receiver, so a sender can be killed mid-request. */
  holdMs = 0;
  /** The secrets a request may be signed with (after a rotation, the old and the new). */
  secrets: string[] = [];
  private waiters: Waiter[] = [];
  private server?: Server;
  private held = new Set<NodeJS.Timeout>();

  /** Requests received whose answer is still held: the sender is waiting on them now. */
  get inFlight(): number {
    return this.received.filter((request) => request.completed === null).length;
  }

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    receiver.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const answer = receiver.answers.shift() ?? receiver.fallback;
        const received = receiver.record(request.headers, body, answer.status);
        const settle = (completed: boolean) => {
          if (received.completed !== null) return;
          received.completed = completed;
          receiver.notify();
        };
        response.once('finish', () => settle(true));
        response.once('close', () => settle(response.writableFinished));
        const send = () => {
          if (response.destroyed) return settle(false);
          response.writeHead(answer.status, answer.headers).end(answer.body);
        };
        if (receiver.holdMs <= 0) return send();
        const timer = setTimeout(() => {
          receiver.held.delete(timer);
          send();
        }, receiver.holdMs);
        receiver.held.add(timer);
      });
    });
    await new Promise<void>((resolve) => receiver.server?.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/hooks`;
  }

  /** Resolves once the requests so far satisfy `predicate`; fails after `timeoutMs` saying `what`. */
  async waitFor(predicate: (all: ReceivedWebhook[]) => boolean, timeoutMs: number, what: string): Promise<void> {
    if (predicate(this.received)) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.waiters.push({ predicate, resolve })),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; received ${this.received.length}: ${this.received.map((r) => `${r.payload.type}→${r.answered}`).join(', ')}`)), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
  }

  async close(): Promise<void> {
    for (const timer of this.held) clearTimeout(timer);
    this.held.clear();
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  /** Whether a request verifies under one of the secrets held (the reference package throws on a bad signature). */
  verifies(request: { headers: IncomingHttpHeaders; body: string }): boolean {
    const header = (name: string) => String(request.headers[name] ?? '');
    const signed = { 'webhook-id': header('webhook-id'), 'webhook-timestamp': header('webhook-timestamp'), 'webhook-signature': header('webhook-signature') };
    return this.secrets.some((secret) => {
      try {
        new Webhook(secret).verify(request.body, signed);
        return true;
      } catch {
        return false;
      }
    });
  }

  private record(headers: IncomingHttpHeaders, body: string, answered: number): ReceivedWebhook {
    const header = (name: string) => String(headers[name] ?? '');
    const verified = this.verifies({ headers, body });
    const received: ReceivedWebhook = {
      id: header('webhook-id'),
      timestamp: header('webhook-timestamp'),
      signature: header('webhook-signature'),
      body,
      payload: JSON.parse(body) as ReceivedWebhook['payload'],
      headers,
      answered,
      at: Date.now(),
      verified,
      completed: null,
    };
    this.received.push(received);
    this.notify();
    return received;
  }

  /** Resolves the waiters whose condition now holds (on each request, and each answer sent or cut off). */
  private notify(): void {
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.predicate(this.received)) return true;
      waiter.resolve();
      return false;
    });
  }
}
