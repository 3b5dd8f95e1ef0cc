'use strict';
/** A process's CPU time from Linux's /proc (nothing elsewhere). */

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

/** Clock ticks a second, the unit of /proc's CPU times. */
const CLOCK_TICKS = (() => {
  const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const value = Number(result.stdout?.trim());
  return Number.isFinite(value) && value > 0 ? value : 100;
})();

/**
 * { comm, ppid, cpuSeconds, systemSeconds (in the kernel) } of a process from /proc/<pid>/stat,
 * or null once it is gone (or without /proc).
 */
function procStat(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: count fields after the last ')'.
    const close = text.lastIndexOf(')');
    const fields = text.slice(close + 2).split(' ');
    return {
      comm: text.slice(text.indexOf('(') + 1, close),
      ppid: Number(fields[1]),
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS,
      systemSeconds: Number(fields[12]) / CLOCK_TICKS,
    };
  } catch {
    return null;
  }
}

/** Every process id listed in /proc (none without it). */
function processIds() {
  try {
    return fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
}

module.exports = { CLOCK_TICKS, procStat, processIds };
