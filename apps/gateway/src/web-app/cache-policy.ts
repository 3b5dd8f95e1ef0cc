/**
 * How long a browser may keep a file of the build. Vite names everything under assets/ after a
 * hash of its content, so a file there never changes and is kept for a year; everything else
 * (index.html, which names the current assets, and unhashed files such as the favicon) is
 * revalidated on every use, cheaply, by its ETag.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** `relativePath` is a file's path inside the build, with forward slashes (graphiql/assets/x-1a2b.js). */
export function cacheControlFor(relativePath: string): string {
  return /(^|\/)assets\//.test(relativePath) ? IMMUTABLE : REVALIDATE;
}
