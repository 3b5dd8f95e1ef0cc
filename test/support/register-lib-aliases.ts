/**
 * globalSetup runs outside Jest's module registry, so Jest's resolver does not apply there. This
 * makes Node resolve `@referloop/<lib>` to the sources for the migration code it loads, through
 * the same mapping Jest and the compiled apps use. Import it before anything from libs/.
 */
import path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { registerLibAliases } = require('../../scripts/lib-aliases') as { registerLibAliases: (root: string) => void };

registerLibAliases(path.resolve(__dirname, '..', '..'));
