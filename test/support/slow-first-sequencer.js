/**
 * Jest's own order (files that failed last time first, then the longest by the durations it
 * recorded), except that a file Jest has not timed yet — on a fresh checkout, every file — is
 * placed by what is known to be slow, instead of by its size: the slowest files are small ones
 * that start processes or wait on timers, and started last they would keep one worker busy long
 * after the other ran out of files.
 */
const Sequencer = require('@jest/test-sequencer').default;

/** Slowest first (seconds, two workers on a 2-CPU machine): start-ups and kills of real processes, timers. */
const KNOWN_SLOW = [
  'test/startup-race.e2e-spec.ts', // 140, beside the other worker's files
  'test/notifications-worker-kill.e2e-spec.ts', // 60
  'test/demo-data.e2e-spec.ts', // 45
  'test/input-fuzz.e2e-spec.ts', // 25
  'test/web-app-browser.e2e-spec.ts', // 25 (a GraphiQL build, Chromium)
  'test/health-and-metrics.e2e-spec.ts', // 21
  'test/live-updates.e2e-spec.ts', // 21
  'test/outcome-reminders.e2e-spec.ts', // 17
  'test/response-clock.e2e-spec.ts', // 15
  'test/worker-shutdown.e2e-spec.ts', // 15
  'test/demo.e2e-spec.ts', // 15
];

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const rank = (test) => KNOWN_SLOW.findIndex((path) => test.path.endsWith(path));
    const untimedSlow = (test) => test.duration == null && rank(test) >= 0;
    return [...sorted.filter(untimedSlow).sort((a, b) => rank(a) - rank(b)), ...sorted.filter((test) => !untimedSlow(test))];
  }
}

module.exports = SlowFirstSequencer;
