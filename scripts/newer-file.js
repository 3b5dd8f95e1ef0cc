/**
 * The staleness walk of the builds: the first file under a folder that changed since a build.
 * Node built-ins only (it runs before the build it decides on).
 */
const fs = require('node:fs');
const path = require('node:path');

/**
 * The first file under `dir` accepted by `include(name)` and modified after `since` (ms), or
 * undefined. Folders named in `skip` (by path, or by name anywhere) are not entered; a folder
 * that does not exist holds nothing newer. Stops walking at the first hit.
 */
function newerFile(dir, since, { include = () => true, skip = [] } = {}) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (skip.includes(entry.name) || skip.includes(full)) continue;
      const found = newerFile(full, since, { include, skip });
      if (found) return found;
    } else if (entry.isFile() && include(entry.name) && fs.statSync(full).mtimeMs > since) {
      return full;
    }
  }
  return undefined;
}

module.exports = { newerFile };
