import fc from 'fast-check';
import { MAX_TEXT_UNITS } from './refusal-rules';

/**
 * The values issue 12 asks about. Most are put inside an ordinary value of the field (the
 * `host`: an address, a name, an instant) at a random place, because that is where they turn
 * up in practice and where a check of only the first or last character would miss them.
 */
export type HostileKind =
  | 'control character'
  | 'lone surrogate'
  | 'bidi mark'
  | 'emoji'
  | 'combining marks'
  | 'tab or newline'
  | 'any unicode'
  | '100 kB'
  | 'length boundary'
  | 'impossible date';

export interface HostileValue {
  kind: HostileKind;
  value: string;
}

const DATE_SCALARS = new Set(['DateTime', 'LocalDate']);

/** C0 controls and DEL: tab, line feed and carriage return among them, which the contract allows. */
const CONTROL_CHARACTERS = [...Array.from({ length: 0x20 }, (_, unit) => String.fromCharCode(unit)), '\u007f'];
const BIDI_MARKS = ['\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const EMOJI = ['😀', '👩🏽‍⚕️', '🇺🇸', '🏳️‍🌈', '🦴', '💉', '\u{1F9D1}\u200D\u{1F9BD}'];
const HUNDRED_KB = 100_000;
/** Units repeated to 100,000 UTF-16 code units: one or two units wide, harmless or not. */
const BULK_UNITS = ['a', 'é', '😀', 'e\u0301', '\u202e', '\u0000', '\ud800'];

/**
 * Two families, each fuzzed as a property of its own so that a failure in one cannot hide the
 * other (fast-check stops a property at its first counterexample): values the contract
 * refuses, and values it lets through. The family is how a value was made; whether a case must
 * be refused is still decided from the value itself (refusal-rules.ts): "control characters"
 * may come out as only a tab, "any unicode" may hold a control character.
 */
export const HOSTILE_FAMILIES = ['against the rules', 'within the rules'] as const;
export type HostileFamily = (typeof HOSTILE_FAMILIES)[number];

export function hostileValue(scalar: string, host: fc.Arbitrary<string>, family: HostileFamily): fc.Arbitrary<HostileValue> {
  const inside = (kind: HostileKind, piece: fc.Arbitrary<string>) =>
    fc.tuple(host, piece, fc.nat()).map(([text, inserted, at]): HostileValue => {
      const position = at % (text.length + 1);
      return { kind, value: text.slice(0, position) + inserted + text.slice(position) };
    });
  const alone = (kind: HostileKind, value: fc.Arbitrary<string>) => value.map((text): HostileValue => ({ kind, value: text }));

  if (family === 'within the rules') {
    return fc.oneof(
      inside('bidi mark', fc.constantFrom(...BIDI_MARKS)),
      inside('emoji', emoji()),
      inside('combining marks', combiningMarks()),
      inside('tab or newline', fc.constantFrom('\t', '\n', '\r', '\r\n')),
      inside('any unicode', fc.string({ unit: 'binary', minLength: 1, maxLength: 12 })),
    );
  }
  const againstText = [
    { weight: 2, arbitrary: inside('control character', fc.string({ unit: fc.constantFrom(...CONTROL_CHARACTERS), minLength: 1, maxLength: 3 })) },
    { weight: 2, arbitrary: inside('lone surrogate', loneSurrogates()) },
    { weight: 1, arbitrary: alone('100 kB', fc.constantFrom(...BULK_UNITS).map((unit) => unit.repeat(HUNDRED_KB / unit.length))) },
    { weight: 1, arbitrary: alone('length boundary', lengthBoundary()) },
  ];
  if (!DATE_SCALARS.has(scalar)) return fc.oneof(...againstText);
  const dates = scalar === 'DateTime' ? impossibleInstant() : impossibleDate();
  return fc.oneof(...againstText, { weight: 6, arbitrary: alone('impossible date', dates) });
}

/** A surrogate half with no partner: alone, or two halves in the wrong order. */
function loneSurrogates(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
    fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\ude00\ud83d'),
  );
}

function emoji(): fc.Arbitrary<string> {
  const single = fc.oneof(fc.constantFrom(...EMOJI), fc.integer({ min: 0x1f300, max: 0x1faff }).map((point) => String.fromCodePoint(point)));
  return fc.array(single, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
}

/** A letter under a pile of combining diacritics ("Zalgo" text). */
function combiningMarks(): fc.Arbitrary<string> {
  const mark = fc.integer({ min: 0x300, max: 0x36f }).map((unit) => String.fromCharCode(unit));
  return fc.string({ unit: mark, minLength: 1, maxLength: 30 }).map((marks) => `e${marks}`);
}

/** Exactly at the limit (allowed) and one unit over it (refused), counted in UTF-16 code units, not characters. */
function lengthBoundary(): fc.Arbitrary<string> {
  return fc.constantFrom(
    'x'.repeat(MAX_TEXT_UNITS),
    'x'.repeat(MAX_TEXT_UNITS + 1),
    '😀'.repeat(MAX_TEXT_UNITS / 2),
    `${'😀'.repeat(MAX_TEXT_UNITS / 2)}x`,
  );
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const year = fc.integer({ min: 1990, max: 2040 });

/** A date whose parts are each well-formed but that is not on the calendar. */
function impossibleDate(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(year, fc.constantFrom(30, 31)).map(([y, day]) => `${y}-02-${day}`),
    fc.constantFrom(1900, 2023, 2025, 2026, 2100).map((nonLeapYear) => `${nonLeapYear}-02-29`),
    fc.tuple(year, fc.constantFrom(4, 6, 9, 11)).map(([y, month]) => `${y}-${pad(month)}-31`),
    fc.tuple(year, fc.constantFrom(0, 13, 14, 99), fc.integer({ min: 1, max: 28 })).map(([y, month, day]) => `${y}-${pad(month)}-${pad(day)}`),
    fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 32, 33, 99)).map(([y, month, day]) => `${y}-${pad(month)}-${pad(day)}`),
  );
}

const realDate = fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`);
const realTime = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }));
const sign = fc.constantFrom('+', '-');
const realOffset = fc.oneof(
  fc.constant('Z'),
  fc.tuple(sign, fc.integer({ min: 0, max: 13 }), fc.constantFrom(0, 30, 45)).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`),
);

/** An instant with exactly one impossible part: the date, the hour, minute or second, or the offset. */
function impossibleInstant(): fc.Arbitrary<string> {
  const time = ([h, m, s]: [number, number, number]) => `${pad(h)}:${pad(m)}:${pad(s)}`;
  const badTime = fc.oneof(
    fc.tuple(fc.integer({ min: 24, max: 99 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 })),
    fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 60, max: 99 }), fc.integer({ min: 0, max: 59 })),
    fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 60, max: 99 })),
  );
  const badOffset = fc.oneof(
    fc.tuple(sign, fc.integer({ min: 15, max: 23 }), fc.integer({ min: 0, max: 59 })),
    fc.tuple(sign, fc.constant(14), fc.integer({ min: 1, max: 59 })),
    fc.tuple(sign, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 60, max: 99 })),
  ).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`);
  return fc.oneof(
    fc.tuple(impossibleDate(), realTime, realOffset).map(([date, t, offset]) => `${date}T${time(t)}${offset}`),
    fc.tuple(realDate, badTime, realOffset).map(([date, t, offset]) => `${date}T${time(t)}${offset}`),
    fc.tuple(realDate, realTime, badOffset).map(([date, t, offset]) => `${date}T${time(t)}${offset}`),
  );
}
