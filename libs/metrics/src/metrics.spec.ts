import { Metrics } from './metrics';

/** The event-loop delay quantiles of one scrape, in seconds. */
async function eventLoopDelay(metrics: Metrics): Promise<Record<string, number>> {
  const { body } = await metrics.exposition();
  const values: Record<string, number> = {};
  for (const match of body.matchAll(/^referloop_event_loop_delay_seconds\{quantile="([\d.]+)"\} (\S+)$/gm)) values[match[1]] = Number(match[2]);
  return values;
}

/** Resolves once the monitor has recorded more than `count` intervals since the previous scrape. */
async function afterIntervalsBeyond(metrics: Metrics, count: number): Promise<void> {
  while (metrics.eventLoopIntervalsRecorded <= count) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('Metrics: event-loop delay', () => {
  let metrics: Metrics;

  beforeEach(() => {
    metrics = new Metrics();
  });

  afterEach(() => metrics.onModuleDestroy());

  it('exports at least the time the loop was blocked as its largest delay since the previous scrape', async () => {
    await eventLoopDelay(metrics);
    // The monitor's timer has run since the scrape, so the interval the block falls in is recorded.
    await afterIntervalsBeyond(metrics, 0);
    const before = metrics.eventLoopIntervalsRecorded;
    const until = Date.now() + 80;
    while (Date.now() < until) {
      // Blocks the loop: the monitor's timer cannot run for 80 ms.
    }
    await afterIntervalsBeyond(metrics, before);
    const blocked = await eventLoopDelay(metrics);
    expect(Object.keys(blocked).sort()).toEqual(['0.5', '0.9', '0.99', '0.999', '1']);
    // A lower bound only: a busier machine makes the delay longer, never shorter.
    expect(blocked['1']).toBeGreaterThanOrEqual(0.06);
    expect(blocked['0.5']).toBeLessThanOrEqual(blocked['1']);
  });

  it('reports valid numbers, not NaN, when nothing was sampled since the previous scrape', async () => {
    await eventLoopDelay(metrics);
    const empty = await eventLoopDelay(metrics);
    expect(Object.keys(empty)).toHaveLength(5);
    for (const value of Object.values(empty)) expect(Number.isFinite(value)).toBe(true);
  });
});
