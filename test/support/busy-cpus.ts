import { ChildProcess, spawn } from 'node:child_process';
import { availableParallelism, constants, setPriority } from 'node:os';
import { killOnExit, signalAndWait } from './child-processes';

export interface BusyCpus {
  /** Ends every spinner now (by pid), and waits for them to be gone. */
  stop(): Promise<void>;
}

/**
 * One spinning process per CPU, so no CPU is idle while a test runs, as on a machine busy with
 * other work. The spinners run at the lowest priority: at equal priority two apps started side
 * by side drift apart (the one that loads more code falls further behind), which made their
 * start-up race rarer, not likelier. Each spinner stops by itself after `limitMs`, so a test
 * that dies without calling `stop()` leaves none behind.
 */
export function keepCpusBusy(limitMs: number): BusyCpus {
  const spin = `const end = Date.now() + ${Math.floor(limitMs)}; while (Date.now() < end);`;
  const spinners: ChildProcess[] = Array.from({ length: availableParallelism() }, () => {
    const child = spawn(process.execPath, ['-e', spin], { stdio: 'ignore' });
    killOnExit(child);
    if (child.pid !== undefined) setPriority(child.pid, constants.priority.PRIORITY_LOW);
    return child;
  });
  return {
    async stop() {
      await Promise.all(spinners.map((child) => signalAndWait(child, 'SIGKILL', 5_000, 'busy loop')));
    },
  };
}
