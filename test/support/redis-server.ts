import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { killOnExit, OutputTail, signalAndWait } from './child-processes';

const READY_TIMEOUT_MS = 10_000;
const EXIT_TIMEOUT_MS = 5_000;

/** A port nobody listens on right now (the OS picks it; a race with another binder is retried by the caller). */
function freePort(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A private redis-server for tests that kill Redis: never the shared one on 6379. It keeps
 * nothing on disk, so a restart comes back empty — as a Redis that lost its data would.
 */
export class RedisServer {
  private child?: ChildProcess;
  private output = new OutputTail();
  /** Chosen by `up()`. */
  port = 0;

  /** Starts one on a free port. */
  static async start(): Promise<RedisServer> {
    const server = new RedisServer();
    await server.up();
    return server;
  }

  /** Starts it on a free port. */
  async up(): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      this.port = await freePort();
      try {
        await this.restart();
        return;
      } catch (error) {
        // Another process may have taken the port between the probe and redis-server's bind.
        if (attempt >= 3) throw error;
      }
    }
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** (Re)starts it on the same port, empty; resolves once it accepts connections. */
  async restart(): Promise<void> {
    if (this.running) throw new Error(`redis-server on :${this.port} is already running`);
    this.output = new OutputTail();
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    killOnExit(child);
    this.output.follow(child);
    try {
      await this.output.waitForLine(child, /Ready to accept connections/, READY_TIMEOUT_MS, `redis-server on :${this.port}`);
    } catch (error) {
      await this.kill();
      throw error;
    }
  }

  /** SIGKILL, as a crash: clients see their connections drop and nothing answers on the port. */
  async kill(): Promise<void> {
    if (this.child) await signalAndWait(this.child, 'SIGKILL', EXIT_TIMEOUT_MS, `redis-server on :${this.port}`);
  }
}
