// Plain JSON, so that apps/web/vite.config.ts (ESM, loaded by Vite) reads the same list for its
// dev-server proxy as this CommonJS code does.
import GATEWAY_PREFIXES from './gateway-prefixes.json';

/** Where GraphiQL's files live in the build; the gateway serves them outside production only. */
export const GRAPHIQL_FILES = 'graphiql';

/** Folders of built files: a file missing there is a 404, never the app's page (a stale script must not receive HTML). */
const FILE_PREFIXES = ['/assets', `/${GRAPHIQL_FILES}`];

const under = (prefixes: readonly string[], path: string) => prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/**
 * Under one of the paths the gateway answers itself (gateway-prefixes.json): the API, probes,
 * metrics, the admin pages and the patients' link pages. Nothing under them comes from the web
 * app's build, and a path under them that matches no route answers the gateway's own 404, as it
 * always has. The web app's dev server proxies the same paths to the gateway.
 */
export const isGatewayPath = (path: string) => under(GATEWAY_PREFIXES, path);

export const isBuiltFilePath = (path: string) => under(FILE_PREFIXES, path);

export const isGraphiqlPath = (path: string) => under([`/${GRAPHIQL_FILES}`], path);
