import { MigrationInterface, QueryRunner } from 'typeorm';

/** The receiving side's rows: not a draft, and sent (as `sentToReceiverSql` says it). */
const SENT = `WHERE status <> 'DRAFT' AND sent_at IS NOT NULL`;
/** What the needs-action condition reads besides the list's own column: the status and the lifecycle's once-done facts. */
const NEEDS_ACTION = `"status", "sent_at", "redirected_to_id", "loop_closed_at"`;

/** Each list index, as it was and as it is now: the same keys, the needs-action columns carried beside them. */
const LISTS = [
  { name: 'referrals_to_clinic_inbox_idx', keys: `"to_clinic_id", "created_at", "id"`, other: `"referring_clinic_id"`, where: SENT },
  { name: 'referrals_to_provider_inbox_idx', keys: `"to_provider_id", "created_at", "id"`, other: `"referring_user_id"`, where: SENT },
  { name: 'referrals_referring_clinic_outbox_idx', keys: `"referring_clinic_id", "created_at", "id"`, other: `"to_clinic_id"`, where: '' },
  { name: 'referrals_referring_user_outbox_idx', keys: `"referring_user_id", "created_at", "id"`, other: `"to_provider_id"`, where: '' },
];

/**
 * An inbox's "needs your action" list and its count read from the index alone (issue:
 * performance under load). The condition (needsActionCondition) asks, of each of a clinic's or
 * provider's referrals, its status, whether it was sent, whether it was redirected or its loop
 * closed, and whether the same clinic or provider is also the other party. The list indexes
 * held none of that, so the count of a busy clinic's inbox fetched each of its referrals from
 * the table: 1,500 rows at a million referrals, 2.6 ms with everything cached and 25 ms for a
 * connection that had not yet touched those pages. Carried in the index (INCLUDE, not keys:
 * the order stays created_at, id), the same count reads about 20 index pages: 0.4 ms.
 *
 * The columns are those of FACT_COLUMNS and the party conditions (referral-access.ts); a
 * service test plans every list's count and fails if one of them has to visit the table. A
 * move that changes `status` wrote each of these indexes already (no HOT update); a redirect,
 * which only sets `redirected_to_id` on the declined referral, now writes them too.
 *
 * Each index is built beside the old one without locking the table against writes (CREATE
 * INDEX CONCURRENTLY, outside a transaction), then swapped in: the apps keep serving while it
 * runs (10 s for the four at a million referrals on a 2-core machine). Run again after an
 * interruption, it drops what a broken build left and carries on.
 */
export class NeedsActionFromIndex1765800000000 implements MigrationInterface {
  name = 'NeedsActionFromIndex1765800000000';
  /**
   * CREATE and DROP INDEX CONCURRENTLY refuse to run inside a transaction. TypeORM's revert
   * opens one whatever this says: revert it with `undoLastMigration({ transaction: 'none' })`.
   */
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const list of LISTS) await rebuild(queryRunner, list.name, `(${list.keys}) INCLUDE (${NEEDS_ACTION}, ${list.other}) ${list.where}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const list of LISTS) await rebuild(queryRunner, list.name, `(${list.keys}) ${list.where}`);
  }
}

/** Builds `name` again as `definition` (what follows ON "referrals"), the old one answering until the new one replaces it. */
async function rebuild(queryRunner: QueryRunner, name: string, definition: string): Promise<void> {
  const building = `${name}_rebuilt`;
  // An interrupted build leaves an invalid index behind, which a second CREATE would trip over.
  await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "${building}"`);
  await queryRunner.query(`CREATE INDEX CONCURRENTLY "${building}" ON "referrals" ${definition}`);
  await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "${name}"`);
  await queryRunner.query(`ALTER INDEX "${building}" RENAME TO "${name}"`);
}
