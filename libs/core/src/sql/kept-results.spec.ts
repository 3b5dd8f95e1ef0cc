import { KeptResults } from './kept-results';

describe('KeptResults', () => {
  /** A computation answering `values` in turn, and counting its calls. */
  const computing = (...values: number[]) => {
    const compute = jest.fn<Promise<number>, []>();
    for (const value of values) compute.mockResolvedValueOnce(value);
    return compute;
  };

  it('requests that miss together share one computation', async () => {
    const kept = new KeptResults<number>({ keep: () => true, ttlMs: 1_000 });
    let finish!: (value: number) => void;
    const compute = jest.fn(() => new Promise<number>((resolve) => (finish = resolve)));
    const answers = Promise.all([kept.get('q', [1], compute), kept.get('q', [1], compute), kept.get('q', [1], compute)]);
    finish(42);
    expect(await answers).toEqual([42, 42, 42]);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('never shares a result between different values (another reader, another scope)', async () => {
    const kept = new KeptResults<number>({ keep: () => true, ttlMs: 1_000 });
    expect(await kept.get('q', ['clinic-a'], computing(1))).toBe(1);
    expect(await kept.get('q', ['clinic-b'], computing(2))).toBe(2);
    expect(await kept.get('q', ['clinic-a'], computing(3))).toBe(1);
  });

  it('within the stale window answers the kept result at once and recomputes it in the background', async () => {
    let clock = 0;
    const now = () => clock;
    const kept = new KeptResults<number>({ keep: () => true, ttlMs: 1_000, staleMs: 5_000 });
    let finish!: (value: number) => void;
    const compute = jest.fn<Promise<number>, []>().mockResolvedValueOnce(10).mockImplementationOnce(() => new Promise<number>((resolve) => (finish = resolve)));
    expect(await kept.get('q', [], compute, now)).toBe(10);
    clock = 1_500;
    // Stale: answered as it was while the recompute runs, and a second request starts no other.
    expect(await kept.get('q', [], compute, now)).toBe(10);
    expect(await kept.get('q', [], compute, now)).toBe(10);
    expect(compute).toHaveBeenCalledTimes(2);
    finish(11);
    await new Promise(setImmediate);
    expect(await kept.get('q', [], compute, now)).toBe(11);
  });

  it('past the stale window the request waits for the new result', async () => {
    let clock = 0;
    const kept = new KeptResults<number>({ keep: () => true, ttlMs: 1_000, staleMs: 5_000 });
    const compute = computing(10, 20);
    await kept.get('q', [], compute, () => clock);
    clock = 6_000;
    expect(await kept.get('q', [], compute, () => clock)).toBe(20);
  });

  it('a failed background recompute forgets the result, and the next request sees the error', async () => {
    let clock = 0;
    const kept = new KeptResults<number>({ keep: () => true, ttlMs: 1_000, staleMs: 5_000 });
    const compute = jest
      .fn<Promise<number>, []>()
      .mockResolvedValueOnce(10)
      .mockRejectedValueOnce(new Error('database gone'))
      .mockRejectedValueOnce(new Error('still gone'));
    await kept.get('q', [], compute, () => clock);
    clock = 1_500;
    expect(await kept.get('q', [], compute, () => clock)).toBe(10);
    await new Promise(setImmediate);
    await expect(kept.get('q', [], compute, () => clock)).rejects.toThrow('still gone');
  });

  it('keeps only what its policy says is worth keeping', async () => {
    const kept = new KeptResults<number>({ keep: (value) => value >= 100, ttlMs: 1_000 });
    const compute = computing(5, 6);
    expect(await kept.get('q', [], compute)).toBe(5);
    expect(await kept.get('q', [], compute)).toBe(6);
  });
});
