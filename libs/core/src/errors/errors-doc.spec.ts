import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from './error-code';
import { ErrorReason } from './error-reason';

/*
 * docs/errors.md is the clients' contract: it must list exactly the codes and reasons the code
 * has, each once, and document each reason under a code that exists.
 */

const DOC = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'errors.md'), 'utf8');

/** The rows of the table under `## heading`: each row's cells, backticks removed. */
function tableRows(heading: string): string[][] {
  const section = DOC.split(/^## /m).find((part) => part.startsWith(`${heading}\n`));
  if (!section) throw new Error(`docs/errors.md has no "## ${heading}" section`);
  return section
    .split('\n')
    .filter((line) => /^\| `[A-Z_]+` \|/.test(line))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim().replace(/`/g, '')));
}

const sorted = (values: Iterable<string>) => [...values].sort();

describe('docs/errors.md', () => {
  it('lists every error code, once', () => {
    const documented = tableRows('Codes').map(([code]) => code);
    expect(sorted(documented)).toEqual(sorted(Object.values(ErrorCode)));
    expect(new Set(documented).size).toBe(documented.length);
  });

  it('lists every reason, once, each under a code that exists', () => {
    const rows = tableRows('Reasons');
    const documented = rows.map(([reason]) => reason);
    expect(sorted(documented)).toEqual(sorted(Object.values(ErrorReason)));
    expect(new Set(documented).size).toBe(documented.length);
    const codes: string[] = Object.values(ErrorCode);
    for (const [reason, code] of rows) expect({ reason, code, known: codes.includes(code) }).toEqual({ reason, code, known: true });
  });
});
