/** Callers waiting for the projector to pass a position (read-your-writes, bounded). */
export class PositionWaiters {
  private waiting: Array<{ position: bigint; resolve: (ok: boolean) => void; timer: NodeJS.Timeout }> = [];

  wait(position: bigint, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const entry = {
        position,
        resolve,
        timer: setTimeout(() => {
          this.waiting = this.waiting.filter((w) => w !== entry);
          resolve(false);
        }, timeoutMs),
      };
      this.waiting.push(entry);
    });
  }

  release(applied: bigint): void {
    const ready = this.waiting.filter((w) => w.position <= applied);
    this.waiting = this.waiting.filter((w) => w.position > applied);
    for (const w of ready) {
      clearTimeout(w.timer);
      w.resolve(true);
    }
  }
}
