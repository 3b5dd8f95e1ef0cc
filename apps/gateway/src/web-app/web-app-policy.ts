/**
 * The web app's pages run the app's own script, from the gateway and nothing else: the
 * gateway-wide policy (`default-src 'none'`, for JSON and the patients' plain pages) would
 * block it. Inline styles are allowed because Mantine sets CSS variables in style attributes
 * and elements; `connect-src 'self'` covers the app's fetches to /graphql and its WebSocket to
 * the same origin (CSP Level 3 matches ws: and wss: of the page's own host to 'self', as
 * Chromium does).
 */
const WEB_APP_DIRECTIVES = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'frame-ancestors': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
};

const policy = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources}`)
    .join('; ');

export const WEB_APP_POLICY = policy(WEB_APP_DIRECTIVES);

/**
 * GraphiQL (development only) needs one thing more: its style sheet carries its fonts inline,
 * as data: URLs. Its editor's workers are files of the build, under 'self'.
 */
export const GRAPHIQL_POLICY = policy({ ...WEB_APP_DIRECTIVES, 'font-src': "'self' data:" });

/** Headers of every answer built from the web app's files: its policy, and no Referer to anywhere (links carry patients' ids). */
export const WEB_APP_HEADERS = { 'content-security-policy': WEB_APP_POLICY, 'referrer-policy': 'no-referrer' } as const;

export const GRAPHIQL_HEADERS = { ...WEB_APP_HEADERS, 'content-security-policy': GRAPHIQL_POLICY } as const;
