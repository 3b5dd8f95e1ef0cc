import { Logger } from '@nestjs/common';

/**
 * A logger for failures that repeat many times a second during an outage (Redis down, SMTP
 * refusing): the first of each kind is logged, then at most one per `everyMs` per kind.
 */
export class ThrottledLogger {
  private readonly logger: Logger;
  private readonly lastAt = new Map<string, number>();

  constructor(context: string, private readonly everyMs = 5000) {
    this.logger = new Logger(context);
  }

  warn(kind: string, message: string): void {
    const now = Date.now();
    if (now - (this.lastAt.get(kind) ?? -Infinity) < this.everyMs) return;
    this.lastAt.set(kind, now);
    this.logger.warn(message);
  }
}
