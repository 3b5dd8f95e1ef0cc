'use strict';
/**
 * A first reading of a V8 CPU profile (`--cpu-prof`, BENCH_PROFILE_DIR): where the process's
 * time went, by package (node_modules/<name>, the product's own libs and apps, Node's
 * internals, GC) and by function, counting each sample once, for the function it was in.
 */

const fs = require('node:fs');
const path = require('node:path');

/** Which package a script URL belongs to. */
function packageOf(url) {
  if (!url) return null;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  const own = /\/dist\/((?:libs|apps)\/[^/]+)/.exec(url);
  if (own) return own[1];
  if (url.startsWith('node:')) return 'node (internals)';
  return path.basename(url);
}

/** { totalMs, byPackage: [{ name, ms, percent }], byFunction: [...] } of a .cpuprofile file. */
function summarizeProfile(file, top = 15) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const id = profile.samples[i];
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const byPackage = new Map();
  const byFunction = new Map();
  let totalMs = 0;
  for (const [id, ms] of selfMs) {
    const frame = nodes.get(id)?.callFrame ?? {};
    const special = /^\((idle|program|garbage collector|root)\)$/.test(frame.functionName) ? frame.functionName : null;
    const pkg = special ?? packageOf(frame.url) ?? '(native or unknown)';
    const fn = special ?? `${frame.functionName || '(anonymous)'} ${frame.url ? `${path.basename(frame.url)}:${frame.lineNumber + 1}` : ''}`.trim();
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    byFunction.set(`${fn} [${pkg}]`, (byFunction.get(`${fn} [${pkg}]`) ?? 0) + ms);
    totalMs += ms;
  }
  const busyMs = totalMs - (byPackage.get('(idle)') ?? 0);
  const list = (map) =>
    [...map]
      .filter(([name]) => name !== '(idle)' && !name.startsWith('(idle) '))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), percentOfBusy: busyMs > 0 ? Math.round((ms / busyMs) * 1000) / 10 : null }));
  return { file, totalMs: Math.round(totalMs), busyMs: Math.round(busyMs), byPackage: list(byPackage), byFunction: list(byFunction) };
}

/** The .cpuprofile files written into `dir` since `sinceMs`, newest first. */
function profilesSince(dir, sinceMs) {
  if (!dir || !fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).mtimeMs >= sinceMs)
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
}

module.exports = { summarizeProfile, profilesSince };
