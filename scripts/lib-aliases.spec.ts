import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { libAliasTarget } = require('./lib-aliases') as { libAliasTarget: (request: string, root: string) => string | null };

const ROOT = path.resolve(__dirname, '..');

describe('the one alias mapping', () => {
  it('is what tsconfig.json tells the type-checker, so types and runtime resolve the same files', () => {
    const tsconfig = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: { baseUrl: string; paths: Record<string, string[]> } };
    expect(tsconfig.compilerOptions.baseUrl).toBe('.');
    expect(tsconfig.compilerOptions.paths).toEqual({ '@referloop/*': ['libs/*/src'] });
    for (const lib of readdirSync(path.join(ROOT, 'libs'))) {
      expect(libAliasTarget(`@referloop/${lib}`, ROOT)).toBe(path.join(ROOT, 'libs', lib, 'src'));
    }
  });

  it('resolves every lib to a folder with an index, and nothing else', () => {
    for (const lib of readdirSync(path.join(ROOT, 'libs'))) {
      expect({ lib, index: existsSync(path.join(ROOT, 'libs', lib, 'src', 'index.ts')) }).toEqual({ lib, index: true });
    }
    expect(libAliasTarget('@nestjs/common', ROOT)).toBeNull();
    expect(libAliasTarget('@referloop/common/src/x', ROOT)).toBeNull();
  });
});
