interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: each caller waits for its own item's result, but the items that arrive while a
 * batch is in flight go together in the next one. Under load one statement serves many callers
 * instead of one round trip each; with no load nothing waits. If a batch fails, its items are
 * retried one by one, so a passing fault or one bad item fails only the callers it must.
 */
export class GroupBatcher<T, R> {
  private queue: Waiting<T, R>[] = [];
  private flushing = false;

  /** `run` answers one result per item, in the items' order. */
  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly maxBatch: number,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.run(batch.map((waiting) => waiting.item));
        batch.forEach((waiting, index) => waiting.resolve(results[index]));
      } catch {
        await Promise.all(batch.map((waiting) => this.run([waiting.item]).then(([result]) => waiting.resolve(result), waiting.reject)));
      }
    }
    this.flushing = false;
  }
}
