import { ThrottledLogger } from '@referloop/core';

/**
 * Runs `work` every `intervalMs`, never two runs at once (the next waits for the previous to
 * finish), logging failures and carrying on: a relay pass that fails because PostgreSQL or
 * Redis blinked is simply tried again on the next tick.
 */
export class PeriodicTask {
  private readonly log: ThrottledLogger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<unknown>,
    /** Told how each run ended (the worker counts them in its metrics). */
    private readonly ran: (outcome: 'ok' | 'failed') => void = () => undefined,
  ) {
    this.log = new ThrottledLogger(name);
  }

  start(): void {
    this.schedule(0);
  }

  /** Stops scheduling and waits for a run in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Tells `ran`; a failure to count a run must not stop the task. */
  private report(outcome: 'ok' | 'failed'): void {
    try {
      this.ran(outcome);
    } catch (error) {
      this.log.warn('report', `${this.name}: its run could not be counted: ${(error as Error).message}`);
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.work()
        .then(() => this.report('ok'))
        .catch((error: unknown) => {
          this.report('failed');
          this.log.warn('failed', `${this.name} failed, will retry: ${(error as Error).message}`);
        })
        .finally(() => this.schedule(this.intervalMs));
    }, delay);
  }
}
