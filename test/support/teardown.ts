/**
 * Runs every step of a teardown in order, even after one fails, then rethrows the first
 * failure: a worker that would not die must not leave the gateway, the SMTP sink or a
 * redis-server running behind it.
 */
export async function teardownAll(steps: ReadonlyArray<() => Promise<unknown> | undefined>): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}
