'use strict';
/**
 * The write-cost yardstick: the least a referral write could cost, measured beside the replay
 * of the real one. One transaction of the same shape — the referral row, its two history rows,
 * its two emails and the request's audit row, with the same values and widths — into bare copies
 * of the four tables (`bench_minimal.*`: no foreign keys, no triggers, the primary key and one
 * index each). What the real write costs beyond it is the product's: its indexes, constraints,
 * triggers, extra statements and round trips.
 */

const { HarnessError } = require('./util');

const SCHEMA = 'bench_minimal';

/**
 * The bare tables, each with its primary key and the one index its table can least do without,
 * holding as many rows as the real ones (so their indexes are as deep).
 */
async function createMinimalTables(client) {
  await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await client.query(`CREATE SCHEMA ${SCHEMA}`);
  const tables = [
    ['referrals', '(to_clinic_id, created_at, id)'],
    ['referral_events', '(referral_id, seq)'],
    ['notifications', '(referral_id, created_at)'],
    ['audit_entries', '(at, id)'],
  ];
  for (const [table, index] of tables) {
    await client.query(`CREATE TABLE ${SCHEMA}.${table} (LIKE public.${table} INCLUDING DEFAULTS)`);
    await client.query(`ALTER TABLE ${SCHEMA}.${table} ADD PRIMARY KEY (id)`);
    await client.query(`CREATE INDEX ON ${SCHEMA}.${table} ${index}`);
    await client.query(`INSERT INTO ${SCHEMA}.${table} SELECT * FROM public.${table}`);
    await client.query(`ANALYZE ${SCHEMA}.${table}`);
  }
}

/** The text of the statement in `script` that starts with `head`, up to (not including) `end`. */
function statementText(script, head, end) {
  const start = script.indexOf(head);
  if (start < 0) throw new HarnessError(`the captured createReferral has no "${head}"`);
  const stop = script.indexOf(end, start);
  if (stop < 0) throw new HarnessError(`the captured createReferral's "${head}" has no "${end}"`);
  return script.slice(start, stop).trim();
}

/**
 * The minimal transaction as a pgbench script, from the captured createReferral script: its
 * `\set` lines (so every id and reference is fresh per transaction, as in the replay), its
 * referral and audit rows with their values, and two history and two email rows.
 */
function minimalWriteScript(createScript) {
  const sets = createScript.split('\n').filter((line) => line.startsWith('\\set'));
  const referral = statementText(createScript, 'INSERT INTO referrals (', 'ON CONFLICT DO NOTHING').replace('INSERT INTO referrals', `INSERT INTO ${SCHEMA}.referrals`);
  // The create's statement writes the audit entry as `INSERT … SELECT <values> FROM inserted`: here, the same values.
  const audit = statementText(createScript, 'INSERT INTO audit_entries', ' FROM inserted)')
    .replace('INSERT INTO audit_entries', `INSERT INTO ${SCHEMA}.audit_entries`)
    .replace(/\)\s*SELECT /, ') VALUES (')
    .concat(')');
  const referralId = 'gen_random_uuid()';
  return [
    '-- The least a referral write could cost: the same rows in bare tables, one transaction (bench/lib/minimal-write.js).',
    ...sets,
    'BEGIN;',
    `${referral};`,
    `INSERT INTO ${SCHEMA}.referral_events (id, referral_id, type, from_status, to_status, actor_id, at)
     VALUES (gen_random_uuid(), ${referralId}, 'CREATED', NULL, 'DRAFT', gen_random_uuid(), now()),
            (gen_random_uuid(), ${referralId}, 'SENT', 'DRAFT', 'SENT', gen_random_uuid(), now());`,
    `INSERT INTO ${SCHEMA}.notifications (id, referral_id, recipient_kind, template, recipient_email, status, created_at, updated_at)
     VALUES (gen_random_uuid(), ${referralId}, 'PROVIDER', 'REFERRAL_SENT', 'provider@bench.example', 'PENDING', now(), now()),
            (gen_random_uuid(), ${referralId}, 'PATIENT', 'REFERRAL_SENT', 'patient@bench.example', 'PENDING', now(), now());`,
    `${audit};`,
    'COMMIT;',
    '',
  ].join('\n');
}

module.exports = { createMinimalTables, minimalWriteScript };
