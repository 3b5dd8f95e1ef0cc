import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A web app build as Vite lays it out, small enough to read in a test: index.html naming a
 * hashed entry script, the script, an unhashed file from public/, and GraphiQL's page and
 * script under graphiql/. `empty: true` makes the folder of a build not made yet.
 */
export interface WebDistFixture {
  dir: string;
  /** What index.html holds, to tell it from any other answer. */
  indexMarker: string;
  entryScript: string;
  graphiqlMarker: string;
  graphiqlScript: string;
  remove(): void;
}

export function webDistFixture({ empty = false } = {}): WebDistFixture {
  const dir = mkdtempSync(join(tmpdir(), 'referloop-web-dist-'));
  const fixture: WebDistFixture = {
    dir,
    indexMarker: 'referloop-web-app-index',
    entryScript: '/assets/index-B1x2y3Z4.js',
    graphiqlMarker: 'referloop-graphiql-page',
    graphiqlScript: '/graphiql/assets/index-G9h8i7J6.js',
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  if (empty) return fixture;
  const write = (path: string, content: string) => {
    const full = join(dir, ...path.split('/').filter(Boolean));
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
  };
  write('/index.html', `<!doctype html><html><head><script type="module" crossorigin src="${fixture.entryScript}"></script></head><body><div id="root"></div><!-- ${fixture.indexMarker} --></body></html>`);
  write(fixture.entryScript, 'console.log("the web app");\n');
  write('/favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  write('/graphiql/index.html', `<!doctype html><html><head><script type="module" crossorigin src="${fixture.graphiqlScript}"></script></head><body><div id="graphiql"></div><!-- ${fixture.graphiqlMarker} --></body></html>`);
  write(fixture.graphiqlScript, 'console.log("graphiql");\n');
  return fixture;
}
