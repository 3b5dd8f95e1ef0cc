/**
 * Collects the keys asked for during one tick and fetches them in one query, so resolving a
 * field on each of 20 list items costs one round trip, not 20. One loader lives per request
 * (it caches), never across requests.
 */
export class BatchLoader<K, V> {
  private pending: { key: K; resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[] = [];
  private readonly cache = new Map<K, Promise<V | undefined>>();

  constructor(private readonly fetch: (keys: K[]) => Promise<Map<K, V>>) {}

  load(key: K): Promise<V | undefined> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V | undefined>((resolve, reject) => {
      if (this.pending.length === 0) process.nextTick(() => this.flush());
      this.pending.push({ key, resolve, reject });
    });
    this.cache.set(key, promise);
    return promise;
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    const keys = [...new Set(batch.map((item) => item.key))];
    this.fetch(keys).then(
      (found) => batch.forEach((item) => item.resolve(found.get(item.key))),
      (error: unknown) => batch.forEach((item) => item.reject(error)),
    );
  }
}

/** Per-request registry of loaders, created lazily by name. */
export class Loaders {
  private readonly loaders = new Map<string, BatchLoader<unknown, unknown>>();

  get<K, V>(name: string, fetch: (keys: K[]) => Promise<Map<K, V>>): BatchLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new BatchLoader(fetch as (keys: unknown[]) => Promise<Map<unknown, unknown>>);
      this.loaders.set(name, loader);
    }
    return loader as BatchLoader<K, V>;
  }
}
