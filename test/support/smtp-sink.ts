import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  messageId: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  receivedAt: number;
}

type Waiter = { predicate: (all: ReceivedEmail[]) => boolean; resolve: () => void };

/**
 * A real SMTP server in the test process that keeps what it accepts. It can be taken down and
 * brought back on the same port (to test retries), and tests wait on it by condition — never by
 * sleeping.
 */
export class SmtpSink {
  readonly received: ReceivedEmail[] = [];
  private server?: SMTPServer;
  private waiters: Waiter[] = [];
  port = 0;
  /** When set, every message is refused with this SMTP error (server up, delivery failing). */
  refuseWith: string | null = null;
  /** While held, messages are read but not answered: their senders wait mid-transaction. */
  private held: (() => void)[] | null = null;
  /** Messages read and waiting for `release()`. */
  get waiting(): number {
    return this.held?.length ?? 0;
  }

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await sink.up();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      // down() must cut pooled client connections at once, not wait the default 30 s for them.
      closeTimeout: 50,
      logger: false,
      onData: (stream, _session, callback) => {
        if (this.refuseWith) {
          stream.resume();
          stream.on('end', () => callback(Object.assign(new Error(this.refuseWith as string), { responseCode: 451 })));
          return;
        }
        simpleParser(stream).then(
          async (mail) => {
            if (this.held) {
              await new Promise<void>((resolve) => {
                this.held?.push(resolve);
                this.notify();
              });
            }
            const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((address) => address.value.map((value) => value.address ?? ''));
            this.received.push({
              messageId: mail.messageId ?? '',
              to,
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              headers: mail.headers,
              receivedAt: Date.now(),
            });
            callback(null, `queued as ${this.received.length}`);
            this.notify();
          },
          (error: Error) => callback(error),
        );
      },
    });
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', () => resolve()));
    this.port = ((this.server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
  }

  /** Stops listening and drops open connections: clients see connection refused. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Resolves when `predicate` holds over everything received, or rejects after `timeoutMs`. */
  waitFor(predicate: (all: ReceivedEmail[]) => boolean, timeoutMs = 20_000, what = 'emails'): Promise<void> {
    if (predicate(this.received)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { predicate, resolve: () => undefined };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; received ${this.received.length}: ${this.received.map((m) => `${m.to.join(',')} "${m.subject}"`).join('; ')}`));
      }, timeoutMs);
      waiter.resolve = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(waiter);
    });
  }

  /** Waits until exactly `count` emails arrived in total (at least; the caller asserts exactness). */
  waitForCount(count: number, timeoutMs?: number): Promise<void> {
    return this.waitFor((all) => all.length >= count, timeoutMs, `${count} emails`);
  }

  to(address: string): ReceivedEmail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  /** From now on, answer no message until `release()`. */
  hold(): void {
    this.held ??= [];
  }

  /** Answers every held message (they are accepted) and stops holding. */
  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const accept of held) accept();
  }

  /** Waits until `count` messages are held (read, not yet answered). */
  waitForHeld(count: number, timeoutMs?: number): Promise<void> {
    return this.waitFor(() => this.waiting >= count, timeoutMs, `${count} held messages`);
  }

  clear(): void {
    this.received.length = 0;
  }

  async close(): Promise<void> {
    await this.down();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(this.received)) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve();
      }
    }
  }
}
