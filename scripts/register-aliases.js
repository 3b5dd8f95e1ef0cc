/**
 * Resolves `@referloop/<lib>` imports in the compiled output (dist/libs/<lib>/src), the
 * runtime counterpart of the `paths` entry in tsconfig.json. Loaded first by each app's main.
 */
const Module = require('node:module');
const path = require('node:path');

const distRoot = path.resolve(__dirname, '..', 'dist');
const original = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  const match = /^@referloop\/([a-z-]+)$/.exec(request);
  if (match) return original.call(this, path.join(distRoot, 'libs', match[1], 'src'), ...rest);
  return original.call(this, request, ...rest);
};
