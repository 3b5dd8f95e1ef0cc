import { CountCache } from './count-cache';

describe('CountCache', () => {
  const counter = (...totals: number[]) => {
    const count = jest.fn<Promise<number>, []>();
    for (const total of totals) count.mockResolvedValueOnce(total);
    return count;
  };

  it('counts a small list every time', async () => {
    const cache = new CountCache(100, 1_000);
    const count = counter(5, 6);
    expect(await cache.get('SELECT count(*)', [1], count)).toBe(5);
    expect(await cache.get('SELECT count(*)', [1], count)).toBe(6);
    expect(count).toHaveBeenCalledTimes(2);
  });

  it('keeps a large count until it is older than the time to live, then counts again', async () => {
    let clock = 0;
    const now = () => clock;
    const cache = new CountCache(100, 1_000);
    const count = counter(150, 151);
    expect(await cache.get('SELECT count(*)', [1], count, now)).toBe(150);
    clock = 999;
    expect(await cache.get('SELECT count(*)', [1], count, now)).toBe(150);
    clock = 1_000;
    expect(await cache.get('SELECT count(*)', [1], count, now)).toBe(151);
    expect(count).toHaveBeenCalledTimes(2);
  });

  it('keeps counts apart by statement and by values', async () => {
    const cache = new CountCache(100, 1_000);
    expect(await cache.get('SELECT count(*) a', [1], counter(200))).toBe(200);
    expect(await cache.get('SELECT count(*) a', [2], counter(300))).toBe(300);
    expect(await cache.get('SELECT count(*) b', [1], counter(400))).toBe(400);
    expect(await cache.get('SELECT count(*) a', [1], counter(999))).toBe(200);
  });

  it('forgets a count that fell below the floor', async () => {
    let clock = 0;
    const cache = new CountCache(100, 1_000);
    const count = counter(150, 50, 60);
    await cache.get('q', [], count, () => clock);
    clock = 2_000;
    expect(await cache.get('q', [], count, () => clock)).toBe(50);
    expect(await cache.get('q', [], count, () => clock)).toBe(60);
  });

  it('holds at most its number of entries, dropping the oldest first', async () => {
    const cache = new CountCache(1, 60_000, 2);
    await cache.get('q', [1], counter(10));
    await cache.get('q', [2], counter(20));
    await cache.get('q', [3], counter(30));
    expect(await cache.get('q', [1], counter(11))).toBe(11);
    expect(await cache.get('q', [3], counter(31))).toBe(30);
  });

  it('does not keep a count that failed', async () => {
    const cache = new CountCache(1, 60_000);
    await expect(cache.get('q', [], () => Promise.reject(new Error('gone')))).rejects.toThrow('gone');
    expect(await cache.get('q', [], counter(7))).toBe(7);
  });
});
