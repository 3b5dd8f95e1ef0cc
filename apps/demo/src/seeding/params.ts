import { Condition } from './codes';
import { Query } from './sql';
import * as words from './vocabulary';

export interface SeedSize {
  providers: number;
  referrals: number;
}

/** About ten audit entries to a referral: its creation and the reads of it over its life. */
export const AUDIT_ENTRIES_PER_REFERRAL = 10;

export interface SeedSettings extends SeedSize {
  /** Short random tag in every seeded email address, so a second run (--append) never collides with the first. */
  tag: string;
  /** Referrals already in the database: seeded references continue after them. */
  referenceOffset: number;
  passwordHash: string;
  auditEntries: number;
  responseWindowHours: { ROUTINE: number; URGENT: number };
  outcomeReminderAfterHours: number;
}

/** About three providers to a clinic, and two referrals to a patient. */
export const clinicsFor = (size: SeedSize) => Math.max(1, Math.ceil(size.providers / 3));
export const patientsFor = (size: SeedSize) => Math.max(10 * clinicsFor(size), Math.ceil(size.referrals / 2));

/** How far back the referrals go. */
export const HISTORY_DAYS = 365;

/**
 * One row of settings every statement joins (CREATE TABLE … AS takes no bound parameters), the
 * vocabulary as JSON, and helper functions in the session's own temporary schema.
 */
export async function createParams(query: Query, settings: SeedSettings): Promise<void> {
  await query(
    `CREATE TEMP TABLE seed_settings (
       tag text, reference_offset bigint, password_hash text, providers int, referrals int, clinics int, patients int,
       routine_h float8, urgent_h float8, outcome_reminder_h float8, history_days int, vocab jsonb, audit_entries bigint) ON COMMIT DROP`,
  );
  // The vocabulary (9 kB) is stored compressed; read straight from the table, every row that
  // picks a word would decompress it again (most of the seed's time, at a million referrals).
  // Through this view each statement reads it once, in memory: the row is materialised, the
  // value computed (never compressed).
  await query(
    `CREATE TEMP VIEW seed_params AS
     SELECT tag, reference_offset, password_hash, providers, referrals, clinics, patients, routine_h, urgent_h, outcome_reminder_h,
            history_days, vocab || '{}'::jsonb AS vocab, audit_entries
       FROM seed_settings OFFSET 0`,
  );
  const vocab = {
    localities: words.LOCALITIES,
    modalities: words.MODALITIES,
    conditions: Object.values(Condition),
    measures: words.MEASURES,
    firstNames: words.FIRST_NAMES,
    lastNames: words.LAST_NAMES,
    streets: words.STREETS,
    reasons: words.REASONS,
    postureNotes: words.POSTURE_NOTES,
    redFlags: words.RED_FLAGS,
    declines: words.DECLINES,
    questions: words.QUESTIONS,
    answers: words.ANSWERS,
    cancelReasons: words.CANCEL_REASONS,
    visitNotes: words.VISIT_NOTES,
  };
  await query(`INSERT INTO seed_settings VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, [
    settings.tag,
    settings.referenceOffset,
    settings.passwordHash,
    settings.providers,
    settings.referrals,
    clinicsFor(settings),
    patientsFor(settings),
    settings.responseWindowHours.ROUTINE,
    settings.responseWindowHours.URGENT,
    settings.outcomeReminderAfterHours,
    HISTORY_DAYS,
    JSON.stringify(vocab),
    settings.auditEntries,
  ]);
  // Durations people take (to answer, to book, to acknowledge) are log-normal: most quick, a long tail.
  await query(
    `CREATE OR REPLACE FUNCTION pg_temp.lognormal(median float8, sigma float8) RETURNS float8 LANGUAGE sql VOLATILE AS
     $$ SELECT median * exp(sigma * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) $$`,
  );
  // One element of a JSON array, chosen by a uniform draw u in [0, 1).
  await query(
    `CREATE OR REPLACE FUNCTION pg_temp.pick(items jsonb, u float8) RETURNS jsonb LANGUAGE sql IMMUTABLE AS
     $$ SELECT items -> floor(u * jsonb_array_length(items))::int $$`,
  );
  // An element of a JSON array of objects with a "weight", chosen in proportion to it.
  await query(
    `CREATE OR REPLACE FUNCTION pg_temp.weighted(items jsonb, u float8) RETURNS jsonb LANGUAGE sql IMMUTABLE AS
     $$ SELECT coalesce(
          (SELECT item FROM (SELECT item, sum((item ->> 'weight')::float8) OVER (ORDER BY n) AS upto
                               FROM jsonb_array_elements(items) WITH ORDINALITY AS t (item, n)) w
            WHERE upto > u ORDER BY upto LIMIT 1),
          items -> -1) $$`,
  );
  await query(
    `CREATE OR REPLACE FUNCTION pg_temp.pick_text(items jsonb, u float8) RETURNS text LANGUAGE sql IMMUTABLE AS
     $$ SELECT items ->> floor(u * jsonb_array_length(items))::int $$`,
  );
  // A person's name from the lists, by two uniform draws.
  await query(
    `CREATE OR REPLACE FUNCTION pg_temp.person(vocab jsonb, u1 float8, u2 float8) RETURNS text LANGUAGE sql IMMUTABLE AS
     $$ SELECT pg_temp.pick_text(vocab -> 'firstNames', u1) || ' ' || pg_temp.pick_text(vocab -> 'lastNames', u2) $$`,
  );
}
