import { Injectable } from '@nestjs/common';
import { Actor, AuditTrail } from '@referloop/common';
import { GroupBatcher } from '@referloop/core';
import { AuditEntryRecord, auditEntryOf } from './audit-entry-sql';
import { AuditRepository } from './audit.repository';

/** Keeps one INSERT well under PostgreSQL's 65,535 bind parameters (11 per entry). */
const MAX_BATCH = 1000;

/**
 * Group commit for audit entries. Each request still waits until its own entry is stored
 * before its response leaves (nothing is acknowledged unaudited), but entries that arrive
 * while an insert is in flight are stored together by the next one.
 */
@Injectable()
export class AuditWriter {
  private readonly batcher: GroupBatcher<AuditEntryRecord, undefined>;

  constructor(audit: AuditRepository) {
    this.batcher = new GroupBatcher(async (entries) => {
      await audit.insertMany(entries);
      return entries.map(() => undefined);
    }, MAX_BATCH);
  }

  write(actor: Actor, trail: AuditTrail): Promise<void> {
    return this.batcher.add(auditEntryOf(actor, trail));
  }
}
