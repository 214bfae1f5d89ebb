import { KeyedQueue } from './keyed-queue';

describe('KeyedQueue', () => {
  const deferred = () => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  };

  it('runs the tasks of one key one after another, in order, and other keys meanwhile', async () => {
    const queue = new KeyedQueue();
    const seen: string[] = [];
    const gate = deferred();
    const first = queue.run('a', async () => {
      seen.push('a1 start');
      await gate.promise;
      seen.push('a1 end');
    });
    const second = queue.run('a', async () => {
      seen.push('a2');
    });
    await queue.run('b', async () => {
      seen.push('b1');
    });
    expect(seen).toEqual(['a1 start', 'b1']);
    gate.resolve();
    await Promise.all([first, second]);
    expect(seen).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
  });

  it('goes on after a task that fails, and forgets a key once its tasks are done', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('a', async () => {
      throw new Error('refused');
    });
    const next = queue.run('a', async () => 'taken');
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBe('taken');
    for (let i = 0; i < 10 && queue.size > 0; i++) await Promise.resolve();
    expect(queue.size).toBe(0);
  });
});
