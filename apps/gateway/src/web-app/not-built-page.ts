/** What the gateway answers in place of a page of the web app before the app has been built. */
export const NOT_BUILT_STATUS = 503;

export function notBuiltPage(what: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>ReferLoop: not built</title></head>
<body><h1>${what} is not built</h1><p>Run <code>npm run web:build</code> (or <code>npm start</code>, which builds it), then reload this page.</p>
<p>The API is at <a href="/graphql">/graphql</a>.</p></body></html>`;
}
