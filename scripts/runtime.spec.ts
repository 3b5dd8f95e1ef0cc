import { spawnSync } from 'node:child_process';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtime = require('./runtime') as { APP_NODE_VERSION: string; appNode: () => string; ensureAppNode: () => string; appNodeVersion: () => string };

const ROOT = path.resolve(__dirname, '..');

describe("the apps' Node.js", () => {
  const chosen = process.env.APP_NODE;
  afterEach(() => {
    if (chosen === undefined) delete process.env.APP_NODE;
    else process.env.APP_NODE = chosen;
  });

  it('is the pinned version, fetched into .runtime/ and run from there', () => {
    delete process.env.APP_NODE;
    const node = runtime.ensureAppNode();
    expect(path.relative(ROOT, node).split(path.sep).slice(0, 2)).toEqual(['.runtime', `node-${runtime.APP_NODE_VERSION}`]);
    const reported = spawnSync(node, ['-p', 'process.version'], { encoding: 'utf8' });
    expect(reported.stdout.trim()).toBe(`v${runtime.APP_NODE_VERSION}`);
    expect(runtime.appNodeVersion()).toBe(`v${runtime.APP_NODE_VERSION}`);
  });

  it('is whatever APP_NODE names instead, "system" being the launcher\'s own', () => {
    process.env.APP_NODE = 'system';
    expect(runtime.appNode()).toBe(process.execPath);
    expect(runtime.ensureAppNode()).toBe(process.execPath);
    process.env.APP_NODE = '/opt/node-24/bin/node';
    expect(runtime.appNode()).toBe('/opt/node-24/bin/node');
    // Said when it matters, at start, rather than as a failed spawn later.
    expect(() => runtime.ensureAppNode()).toThrow('APP_NODE=/opt/node-24/bin/node is not a Node.js binary that runs');
  });
});
