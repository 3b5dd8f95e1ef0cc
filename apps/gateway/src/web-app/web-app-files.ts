import { stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

/**
 * The web app's build on disk, looked at on every request: a `npm run web:build` while the
 * gateway runs is served at once, hashed names and all, without a restart.
 */
export class WebAppFiles {
  constructor(readonly root: string) {}

  /** Whether the build is there: index.html is written last by Vite. */
  async built(page = 'index.html'): Promise<boolean> {
    return (await this.file(page)) !== null;
  }

  /**
   * The path inside the build of the file a request path names (decoded, without its query),
   * or null when it names none: a folder, a hidden file, a path that climbs out of the build,
   * nothing at all. @fastify/static checks the path again when it sends the file.
   */
  async file(requestPath: string): Promise<string | null> {
    const relative = requestPath.replace(/^\/+/, '');
    const segments = relative.split('/');
    if (relative === '' || segments.some((segment) => segment === '' || segment.startsWith('.') || segment.includes('\\') || segment.includes('\0'))) {
      return null;
    }
    const full = join(this.root, ...segments);
    if (!full.startsWith(this.root + sep)) return null;
    try {
      return (await stat(full)).isFile() ? segments.join('/') : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
      throw error;
    }
  }
}
