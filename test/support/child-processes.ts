import { ChildProcess } from 'node:child_process';

/**
 * What the resilience tests need from the processes they spawn (a private redis-server, the
 * built worker): their output, to know when they are up and to explain a failure; a bounded
 * wait for their exit; and a guarantee that none outlives the test process, even when a test
 * fails before its afterAll could stop it.
 */

const alive = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Registers `child` to be SIGKILLed if it is still running when this process exits. */
export function killOnExit(child: ChildProcess): void {
  alive.add(child);
  child.once('exit', () => alive.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous; kill() is.
  process.once('exit', () => {
    for (const running of alive) running.kill('SIGKILL');
  });
}

export const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

/** Resolves once `child` has exited; rejects after `timeoutMs`. */
export function waitForExit(child: ChildProcess, timeoutMs: number, what: string): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} (pid ${child.pid}) did not exit within ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Sends `signal` and waits for the exit; a process that has already exited is left alone. */
export async function signalAndWait(child: ChildProcess, signal: NodeJS.Signals, timeoutMs: number, what: string): Promise<void> {
  if (hasExited(child)) return;
  child.kill(signal);
  await waitForExit(child, timeoutMs, what);
}

type LineWaiter = { pattern: RegExp; resolve: () => void };

/**
 * The last lines a child wrote on stdout and stderr. Reading the pipes continuously also keeps
 * a chatty child from blocking on a full pipe.
 */
export class OutputTail {
  private readonly lines: string[] = [];
  private partial = '';
  private waiters: LineWaiter[] = [];

  constructor(private readonly keep = 200) {}

  follow(child: ChildProcess): void {
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => this.append(chunk));
    }
  }

  text(): string {
    return [...this.lines, this.partial].filter(Boolean).join('\n');
  }

  /**
   * Resolves when a line matching `pattern` is written after this call; rejects when the
   * child exits first or after `timeoutMs`, with the output so far.
   */
  waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number, what: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: LineWaiter = { pattern, resolve: () => undefined };
      const fail = (why: string) => {
        cleanup();
        reject(new Error(`${what}: ${why}. Output:\n${this.text()}`));
      };
      const onExit = (code: number | null, signal: string | null) => fail(`exited (code ${code}, signal ${signal}) before printing ${pattern}`);
      const timer = setTimeout(() => fail(`no line matching ${pattern} within ${timeoutMs} ms`), timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        child.off('exit', onExit);
        this.waiters = this.waiters.filter((w) => w !== waiter);
      };
      waiter.resolve = () => {
        cleanup();
        resolve();
      };
      if (hasExited(child)) {
        fail('had already exited');
        return;
      }
      child.once('exit', onExit);
      this.waiters.push(waiter);
    });
  }

  private append(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) {
      this.lines.push(line);
      if (this.lines.length > this.keep) this.lines.shift();
      for (const waiter of this.waiters.filter((w) => w.pattern.test(line))) waiter.resolve();
    }
  }
}
