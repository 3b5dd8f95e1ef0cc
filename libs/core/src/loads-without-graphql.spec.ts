import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @referloop/core is what scripts, the migration runner and tests load for configuration,
 * errors, SQL helpers and geodesy: it must not pull in GraphQL (or another lib, which might).
 * This reads every import of the lib's sources.
 */
const ALLOWED = [/^node:/, /^\.\.?\//, /^@nestjs\/common$/, /^typeorm$/];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

describe('@referloop/core', () => {
  it('imports nothing but Node, its own files, @nestjs/common and typeorm (types): no GraphQL, no other lib', () => {
    const imports = sources(__dirname).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:from|require\()\s*'([^']+)'/g)].map((match) => ({ file: path.relative(__dirname, file), from: match[1] })),
    );
    expect(imports.length).toBeGreaterThan(10);
    expect(imports.filter(({ from }) => !ALLOWED.some((pattern) => pattern.test(from)))).toEqual([]);
  });
});
