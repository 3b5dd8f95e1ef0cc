import { KeyedSerialQueue } from './keyed-serial-queue';

const deferred = () => {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedSerialQueue', () => {
  it('runs tasks of one key one at a time, in order, and tasks of other keys alongside', async () => {
    const queue = new KeyedSerialQueue();
    const started: string[] = [];
    const gates = { a1: deferred(), a2: deferred(), b1: deferred() };
    const task = (name: keyof typeof gates) => () => {
      started.push(name);
      return gates[name].promise;
    };
    const a1 = queue.run('a', task('a1'));
    const a2 = queue.run('a', task('a2'));
    const b1 = queue.run('b', task('b1'));
    await flush();
    expect(started).toEqual(['a1', 'b1']);
    gates.a1.resolve();
    await a1;
    await flush();
    expect(started).toEqual(['a1', 'b1', 'a2']);
    gates.a2.resolve();
    gates.b1.resolve();
    await Promise.all([a2, b1]);
  });

  it('goes on with the next task when one fails, and passes each result or error to its caller', async () => {
    const queue = new KeyedSerialQueue();
    const failing = queue.run('a', () => Promise.reject(new Error('boom')));
    const next = queue.run('a', () => Promise.resolve(42));
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe(42);
  });
});
