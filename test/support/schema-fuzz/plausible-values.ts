import fc from 'fast-check';
import { KnownRows } from './known-rows';

/**
 * Valid, ordinary values for text leaves, so that a case fails (if it fails) because of the
 * one hostile value put into it and not because everything around it was nonsense. Field
 * names steer the choice (an `email` gets an address, a `clinicId` a real clinic's id now and
 * then); a field the table does not know gets ordinary text, which is still type-valid.
 */
const SENTENCES = [
  'Limited shoulder flexion after six weeks of massage.',
  'Patient prefers morning appointments.',
  'Any imaging?',
  'Flexion to 150 degrees',
  'Home programme, three times a week',
];

const BY_FIELD_NAME: ReadonlyArray<[RegExp, (rows: KnownRows) => fc.Arbitrary<string>]> = [
  [/email/i, () => fc.uuid({ version: 4 }).map((uuid) => `fuzz.${uuid.slice(0, 8)}@example.org`)],
  [/password/i, () => fc.constantFrom('correct-horse-battery-staple-9', 'not-the-password-42')],
  [/phone/i, () => fc.constantFrom('+1 312-555-0199', '+49 30 901820', '(312) 555-0100')],
  [/timezone/i, () => fc.constantFrom('America/Chicago', 'Europe/Berlin', 'UTC', 'Asia/Kolkata')],
  [/country/i, () => fc.constantFrom('US', 'DE', 'GB')],
  [/postalcode/i, () => fc.constantFrom('60601', '10115', 'SW1A 1AA')],
  [/^languages?$/i, () => fc.constantFrom('en', 'es', 'de')],
  [/^reference$/i, (rows) => fc.oneof(fc.constantFrom(...rows.reference), fc.constant('RL-00000000'))],
  // Cursors are opaque, but the realistic ones get further than random text.
  [/^after$/i, () => fc.tuple(validInstant(), fc.uuid({ version: 4 })).map(([at, id]) => Buffer.from(`${at}|${id}`).toString('base64url'))],
  [/idempotencykey/i, () => fc.uuid({ version: 4 })],
  [/city/i, () => fc.constantFrom('Chicago', 'Berlin', 'Zürich')],
  [/name$/i, () => fc.constantFrom('Jordan', 'Rivera', 'Lakeside Physio', "O'Brien", 'Zoë Álvarez')],
];

export function plausibleString(fieldName: string, rows: KnownRows): fc.Arbitrary<string> {
  const known = BY_FIELD_NAME.find(([pattern]) => pattern.test(fieldName));
  if (known) return known[1](rows);
  return fc.oneof(fc.constantFrom(...SENTENCES), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }));
}

type Entity = Exclude<keyof KnownRows, 'reference'>;
const ENTITIES: readonly Entity[] = ['referral', 'patient', 'provider', 'clinic', 'user'];
const ENTITY_ALIASES: Readonly<Record<string, Entity>> = { actor: 'user' };

/**
 * Which kind of row an ID names: `clinicId` a clinic, `toProviderId` a provider, `actorId` a
 * user; a bare `id` takes its kind from the operation (`acceptReferral` → referral).
 */
function entityOf(fieldName: string, operationName: string): Entity | undefined {
  const prefix = fieldName.replace(/Id$/, '').toLowerCase();
  const source = prefix === 'id' ? operationName.toLowerCase() : prefix;
  const alias = Object.keys(ENTITY_ALIASES).find((name) => source.endsWith(name));
  if (alias) return ENTITY_ALIASES[alias];
  return ENTITIES.find((entity) => source.includes(entity));
}

/** A random UUID, or (three times in four, when there are any) the id of a real row of the right kind. */
export function plausibleId(fieldName: string, operationName: string, rows: KnownRows): fc.Arbitrary<string> {
  const entity = entityOf(fieldName, operationName);
  const real = entity ? rows[entity] : [];
  if (real.length === 0) return fc.uuid({ version: 4 });
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) });
}

const FIRST_INSTANT = Date.UTC(2020, 0, 1);
const LAST_INSTANT = Date.UTC(2035, 11, 31);
/** Offsets in use, including both extremes of the allowed ±14:00. */
const OFFSETS_MINUTES = [0, -360, 330, 60, -600, 14 * 60, -14 * 60, 345];

/** A real instant, written with Z or an offset, with or without seconds and fractions. */
export function validInstant(): fc.Arbitrary<string> {
  return fc
    .record({
      at: fc.integer({ min: FIRST_INSTANT, max: LAST_INSTANT }),
      offset: fc.constantFrom(...OFFSETS_MINUTES),
      precision: fc.constantFrom('minutes', 'seconds', 'millis'),
      zulu: fc.boolean(),
    })
    .map(({ at, offset, precision, zulu }) => {
      const useOffset = zulu && offset === 0 ? null : offset;
      const wall = new Date(at + (useOffset ?? 0) * 60_000).toISOString();
      const time = precision === 'minutes' ? wall.slice(0, 16) : precision === 'seconds' ? wall.slice(0, 19) : wall.slice(0, 23);
      return `${time}${useOffset === null ? 'Z' : formatOffset(useOffset)}`;
    });
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

/** A real calendar date between 1920 and 2020 (a plausible date of birth). */
export function validLocalDate(): fc.Arbitrary<string> {
  return fc
    .integer({ min: Date.UTC(1920, 0, 1), max: Date.UTC(2020, 11, 31) })
    .map((at) => new Date(at).toISOString().slice(0, 10));
}

/**
 * A valid value for a text leaf of `scalar`. A custom scalar this does not know stops the run
 * with a message saying so: guessing its format would only produce cases that fail for the
 * wrong reason.
 */
export function plausibleText(scalar: string, fieldName: string, operationName: string, rows: KnownRows): fc.Arbitrary<string> {
  switch (scalar) {
    case 'String':
      return plausibleString(fieldName, rows);
    case 'ID':
      return plausibleId(fieldName, operationName, rows);
    case 'DateTime':
      return validInstant();
    case 'LocalDate':
      return validLocalDate();
    default:
      throw new Error(`schema-fuzz has no generator of valid values for scalar ${scalar} (${operationName}.${fieldName}): add one to plausible-values.ts`);
  }
}
