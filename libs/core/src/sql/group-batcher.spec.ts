import { GroupBatcher } from './group-batcher';

/** A `run` whose batches finish only when the test says so. */
function controllable() {
  const batches: { items: number[]; finish: (error?: Error) => void }[] = [];
  const run = jest.fn(
    (items: number[]) =>
      new Promise<string[]>((resolve, reject) =>
        batches.push({ items, finish: (error) => (error ? reject(error) : resolve(items.map((item) => `r${item}`))) }),
      ),
  );
  return { batches, run };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupBatcher', () => {
  it('runs the first item at once and groups those that arrive meanwhile, giving each caller its own result', async () => {
    const { batches, run } = controllable();
    const batcher = new GroupBatcher(run, 10);
    const first = batcher.add(1);
    const later = [batcher.add(2), batcher.add(3)];
    expect(batches.map((batch) => batch.items)).toEqual([[1]]);

    batches[0].finish();
    await expect(first).resolves.toBe('r1');
    await tick();
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2, 3]]);
    batches[1].finish();
    await expect(Promise.all(later)).resolves.toEqual(['r2', 'r3']);
  });

  it('never puts more than maxBatch items in one run', async () => {
    const { batches, run } = controllable();
    const batcher = new GroupBatcher(run, 2);
    const all = [1, 2, 3, 4, 5].map((item) => batcher.add(item));
    batches[0].finish();
    await tick();
    batches[1].finish();
    await tick();
    batches[2].finish();
    await expect(Promise.all(all)).resolves.toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('retries a failed batch item by item, so only the item that fails again fails its caller', async () => {
    const run = jest.fn(async (items: number[]) => {
      if (items.includes(3)) throw new Error(`bad item in ${items.join(',')}`);
      return items.map((item) => `r${item}`);
    });
    const batcher = new GroupBatcher(run, 10);
    const first = batcher.add(1);
    const grouped = [batcher.add(2), batcher.add(3), batcher.add(4)];
    await expect(first).resolves.toBe('r1');
    const settled = await Promise.allSettled(grouped);
    expect(settled.map((result) => (result.status === 'fulfilled' ? result.value : 'failed'))).toEqual(['r2', 'failed', 'r4']);
  });
});
