import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository (or, in the Docker image, the app folder): the nearest folder above this file
 * holding a package.json. Found by walking up because this file runs from two depths, as
 * source (libs/core/src/config) and compiled (dist/libs/core/src/config).
 */
export function repositoryRoot(from: string = __dirname): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`No package.json above ${from}`);
  }
}
