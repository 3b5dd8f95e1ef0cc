import { Injectable } from '@nestjs/common';
import { Actor, AuditTrail } from '@referloop/common';
import { AuditEntryRecord, AuditRepository } from './audit.repository';

/** Keeps one INSERT well under PostgreSQL's 65,535 bind parameters (11 per entry). */
const MAX_BATCH = 1000;

interface Waiting {
  entry: AuditEntryRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for audit entries. Each request still waits until its own entry is stored
 * before its response leaves (nothing is acknowledged unaudited), but entries that arrive
 * while an insert is in flight are stored together by the next one: under load one INSERT
 * serves many requests instead of one round trip each, and with no load nothing waits.
 */
@Injectable()
export class AuditWriter {
  private queue: Waiting[] = [];
  private flushing = false;

  constructor(private readonly audit: AuditRepository) {}

  write(actor: Actor, trail: AuditTrail): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ entry: AuditRepository.entryFor(actor, trail), resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        await this.audit.insertMany(batch.map((waiting) => waiting.entry));
        for (const waiting of batch) waiting.resolve();
      } catch {
        // Retry one by one, so a passing fault or one bad entry fails only the requests it must.
        await Promise.all(
          batch.map((waiting) => this.audit.insertMany([waiting.entry]).then(waiting.resolve, waiting.reject)),
        );
      }
    }
    this.flushing = false;
  }
}
