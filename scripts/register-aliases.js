/**
 * Loaded first (`node -r`) by each compiled app: `@referloop/<lib>` resolves into
 * dist/libs/<lib>/src, through the one mapping in lib-aliases.js.
 */
const path = require('node:path');
const { registerLibAliases } = require('./lib-aliases');

registerLibAliases(path.resolve(__dirname, '..', 'dist'));
