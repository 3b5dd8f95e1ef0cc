'use strict';
/** How the harnesses print what they measured: the report's header lines, aligned tables, the Markdown section. */

/** The commit a run measured, marked when the working tree had uncommitted changes. */
const commitLabel = (git) => `${git.commit ?? '?'}${git.dirty ? ' (dirty)' : ''}`;

const loadAverages = (machine) => machine.loadAverageBefore.map((v) => v.toFixed(2)).join(' ');

/** version() without its " on <platform>, compiled by …" tail. */
const postgresVersion = (machine) => machine.postgres.split(' on ')[0];

/**
 * The first two lines of a printed report: which benchmark, when and at which commit; then the
 * machine (CPUs, load, Node, PostgreSQL when recorded), followed by `setup` if given.
 */
function reportHeader(title, results, setup) {
  const m = results.machine;
  const machine = [`${m.cpus} CPUs, load ${loadAverages(m)} before`, `${m.node} (apps on ${m.appNode})`, ...(m.postgres ? [postgresVersion(m)] : []), ...(setup ? [setup] : [])];
  return [`ReferLoop ${title} ${results.startedAt}  commit ${commitLabel(results.git)}`, machine.join('; ')];
}

/** `head` and `rows` (arrays of strings) as aligned lines: the first column left-aligned, the others right. */
function alignedTable(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)];
}

/**
 * A section ready to paste into docs/performance-history.md, at the top of its benchmark's
 * section (hence a third-level heading), with its figures carried into BENCHMARKS.md's current
 * table: a heading with `title` (may be empty), the run's start and commit; the command with
 * this run's BENCH_* knobs (`npm run <script>`); the machine, followed by `setup`; then
 * `lines`, and the printed `table` in a code block.
 */
function markdownSection({ title, script, results, setup, lines, table }) {
  const m = results.machine;
  const knobs = Object.entries(results.environment).map(([k, v]) => `${k}=${v} `).join('');
  return [
    `### ${title ? `${title} ` : ''}${results.startedAt} (commit ${results.git.commit ?? '?'}${results.git.dirty ? ', dirty' : ''})`,
    '',
    `Command: \`npm run build && ${knobs}npm run ${script}\``,
    '',
    `Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, load average ${loadAverages(m)} before the run; Node ${m.node} (the apps on ${m.appNode}); ${postgresVersion(m)}. ${setup}`,
    '',
    ...lines,
    '',
    '```',
    table.trim(),
    '```',
    '',
  ].join('\n');
}

module.exports = { commitLabel, reportHeader, alignedTable, markdownSection };
