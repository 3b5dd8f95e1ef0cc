import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountEventRecord } from './account-event';

/**
 * Writes the audit trail of accounts, in the caller's transaction when it has one: an event is
 * stored exactly when what it records is. The account's clinic is filed with it (read in the
 * same statement), so its admins find their staff's events.
 */
@Injectable()
export class AccountEvents {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(event: AccountEventRecord, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `INSERT INTO account_events (event, actor_id, user_id, clinic_id, ip_address, detail)
       VALUES ($1, $2, $3, (SELECT clinic_id FROM users WHERE id = $3), $4, $5)`,
      [event.event, event.actorId, event.userId, event.ipAddress, event.detail ?? null],
    );
  }
}
