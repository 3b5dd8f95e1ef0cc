/**
 * globalSetup runs outside Jest's module registry, so `moduleNameMapper` does not apply there.
 * This maps `@referloop/<lib>` to `libs/<lib>/src` for the migration code it loads, the same
 * mapping jest.config.js gives the test files. Import it before anything from libs/.
 */
import Module from 'node:module';
import path from 'node:path';

const libsRoot = path.resolve(__dirname, '..', '..', 'libs');
type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleWithResolver = Module as unknown as { _resolveFilename: Resolve };
const original = moduleWithResolver._resolveFilename;

moduleWithResolver._resolveFilename = function resolveLibAlias(this: unknown, request: string, ...rest: unknown[]) {
  const match = /^@referloop\/([a-z-]+)$/.exec(request);
  const target = match ? path.join(libsRoot, match[1], 'src') : request;
  return original.call(this, target, ...rest);
};
