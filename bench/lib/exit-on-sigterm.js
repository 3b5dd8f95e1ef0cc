'use strict';
/**
 * Preloaded into a profiled gateway (BENCH_PROFILE_DIR): exit normally on SIGTERM so Node
 * writes the --cpu-prof file; a process ended by the signal itself writes none.
 */
process.on('SIGTERM', () => process.exit(0));
