/**
 * A request's path as it may be logged: no query string (it can carry anything), and the signed
 * token of a patient's status or unsubscribe link replaced (it opens that patient's page).
 */
export function safePath(url: string | undefined): string {
  const path = (url ?? '').split('?')[0];
  return path.replace(/^\/(status|unsubscribe)\/[^/]+/, '/$1/[token]');
}
