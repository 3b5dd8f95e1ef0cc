import { Args, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Connection, CurrentActor, isPlatformAdmin, KeysetCursor, PageArgs, pageRequest, toConnection, UserRole } from '@referloop/common';
import { lazyCount } from '@referloop/core';
import type { TableRow } from '@referloop/database';
import { AccountEventKind } from './account-event';
import { AccountEvent, AccountEventConnection, AccountEventFilter } from './account-event.model';

type EventRow = TableRow<'account_events', { event: AccountEventKind }>;

/**
 * Whose events a caller reads, in SQL: everyone's for a platform admin, their clinic's accounts'
 * for a clinic admin, their own for anyone else. The filter narrows within that, never beyond.
 */
function scopeOf(actor: Actor): { clinicId: string | null; userId: string | null } {
  if (isPlatformAdmin(actor)) return { clinicId: null, userId: null };
  if (actor.role === UserRole.CLINIC_ADMIN) return { clinicId: actor.clinicId, userId: null };
  return { clinicId: null, userId: actor.userId };
}

const WHERE = `($1::uuid IS NULL OR e.clinic_id = $1) AND ($2::uuid IS NULL OR e.user_id = $2) AND ($3::uuid IS NULL OR e.user_id = $3)`;

@Resolver()
export class AccountEventsResolver {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Query(() => AccountEventConnection, {
    description:
      "The audit trail of accounts, newest first: sign-ins and failed ones, invitations, resets, password changes, ended sessions, role changes, disabling. Platform admins read everyone's; clinic admins their clinic's accounts'; anyone else their own.",
  })
  async accountEvents(
    @CurrentActor() actor: Actor,
    @Args({ type: () => PageArgs }) args: PageArgs,
    // Optional, not `| undefined`: the validation pipe reads the class from the parameter's type.
    @Args('filter', { type: () => AccountEventFilter, nullable: true }) filter?: AccountEventFilter,
  ): Promise<Connection<AccountEvent>> {
    const scope = scopeOf(actor);
    const page = pageRequest(args);
    const values = [scope.clinicId, scope.userId, filter?.userId ?? null];
    const rows = await this.rows(values, page.limit + 1, page.after);
    const count = lazyCount(this.db, `SELECT count(*)::int AS total FROM account_events e WHERE ${WHERE}`, values);
    return toConnection(rows, page, count, (row) => ({
      id: row.id,
      at: row.at,
      event: row.event,
      actorId: row.actor_id,
      userId: row.user_id,
      ipAddress: row.ip_address,
      detail: row.detail,
    }));
  }

  private async rows(values: unknown[], limit: number, after: KeysetCursor | null): Promise<(EventRow & { createdAt: Date })[]> {
    const rows: EventRow[] = await this.db.query(
      `SELECT e.* FROM account_events e WHERE ${WHERE} ${after ? 'AND (e.at, e.id) < ($5, $6)' : ''} ORDER BY e.at DESC, e.id DESC LIMIT $4`,
      after ? [...values, limit, after.createdAt, after.id] : [...values, limit],
    );
    return rows.map((row) => ({ ...row, createdAt: row.at }));
  }
}
