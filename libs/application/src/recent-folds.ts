/**
 * The folds of the cases used most recently, in flat memory: two generations of at most `limit`
 * entries each; when the young one is full it becomes the old one and the old one is dropped, and
 * an entry read from the old one moves back to the young. An import in date order keeps every
 * case it is still working on, where forgetting all of them at the limit made a million-case
 * import read most cases back from the log, at the disk's pace (README, Measurements behind the
 * design).
 */
export class RecentFolds<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(id: string): V | undefined {
    const value = this.young.get(id);
    if (value !== undefined) return value;
    const older = this.old.get(id);
    if (older !== undefined) {
      this.old.delete(id);
      this.set(id, older);
    }
    return older;
  }

  set(id: string, value: V): void {
    this.young.set(id, value);
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
  }

  delete(id: string): void {
    this.young.delete(id);
    this.old.delete(id);
  }

  clear(): void {
    this.young = new Map();
    this.old = new Map();
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
