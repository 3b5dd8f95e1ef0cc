/** Jest's module resolution with `@referloop/<lib>` mapped by the one mapping in lib-aliases.js. */
const { libAliasTarget } = require('./lib-aliases');

module.exports = (request, options) => options.defaultResolver(libAliasTarget(request, options.rootDir) ?? request, options);
