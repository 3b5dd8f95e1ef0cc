/**
 * The one mapping of `@referloop/<lib>` imports to a folder: `libs/<lib>/src` below a root, the
 * repository for sources (Jest, the test set-up) or `dist/` for the compiled apps. Every way
 * code is loaded resolves through it; tsconfig.json's `paths` says the same for the type-checker
 * (which cannot run code), and a spec checks that the two agree.
 */
const Module = require('node:module');
const path = require('node:path');

const LIB_ALIAS = /^@referloop\/([a-z-]+)$/;

/** The folder `@referloop/<lib>` stands for below `root`, or null for any other request. */
function libAliasTarget(request, root) {
  const match = LIB_ALIAS.exec(request);
  return match ? path.join(root, 'libs', match[1], 'src') : null;
}

/** Makes Node's own `require` resolve the aliases below `root` (for code Jest does not load). */
function registerLibAliases(root) {
  const original = Module._resolveFilename;
  Module._resolveFilename = function resolveLibAlias(request, ...rest) {
    return original.call(this, libAliasTarget(request, root) ?? request, ...rest);
  };
}

module.exports = { LIB_ALIAS, libAliasTarget, registerLibAliases };
