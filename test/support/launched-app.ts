import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { hasExited, killOnExit, OutputTail, signalAndWait, waitForExit } from './child-processes';

// The Node.js and arguments `npm start` runs each app with (globalSetup has built dist/ and fetched that Node.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { appCommand } = require('../../scripts/apps') as { appCommand: (app: string) => { command: string; args: string[] } };

const ROOT = resolve(__dirname, '..', '..');
const KILL_TIMEOUT_MS = 5_000;

export interface AppExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * A built app run as `npm start` runs it, a real child process watched from its first line to
 * its exit: a start-up test needs to know how it ended, not only whether it came up.
 */
export class LaunchedApp {
  private child?: ChildProcess;
  private readonly output = new OutputTail();

  constructor(
    readonly name: string,
    private readonly app: 'gateway' | 'worker',
    private readonly env: Record<string, string>,
  ) {}

  /**
   * Spawns it before returning, so two calls in a row start two apps at the same instant;
   * resolves once it writes a line matching `ready`, rejects with its output if it exits first
   * or takes longer than `timeoutMs`.
   */
  start(ready: RegExp, timeoutMs: number): Promise<void> {
    if (this.child) throw new Error(`${this.name} was already started`);
    const { command, args } = appCommand(this.app);
    const child = spawn(command, args, { cwd: ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    killOnExit(child);
    this.output.follow(child);
    return this.output.waitForLine(child, ready, timeoutMs, this.name);
  }

  /** The last lines it wrote. */
  log(): string {
    return this.output.text();
  }

  /** SIGTERM, then how it ended; SIGKILL (and a rejection) if it overstays `graceMs`. */
  async stop(graceMs: number): Promise<AppExit> {
    const child = this.started();
    if (!hasExited(child)) {
      child.kill('SIGTERM');
      try {
        await waitForExit(child, graceMs, this.name);
      } catch (error) {
        await this.kill();
        throw error;
      }
    }
    return { code: child.exitCode, signal: child.signalCode };
  }

  /** For afterAll: whatever state it is in, it is gone afterwards. */
  async kill(): Promise<void> {
    if (this.child) await signalAndWait(this.child, 'SIGKILL', KILL_TIMEOUT_MS, this.name);
  }

  private started(): ChildProcess {
    if (!this.child) throw new Error(`${this.name} was never started`);
    return this.child;
  }
}
