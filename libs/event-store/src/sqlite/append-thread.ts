import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppendResult, StreamWrite, WrongExpectedRevision } from '../event-store';

type Reply = {
  id: number;
  results?: AppendResult[];
  error?: { message: string; conflict?: Pick<WrongExpectedRevision, 'streamId' | 'expected' | 'actual'> };
};

/**
 * Appends to a SQLite event store file from a worker thread, with the store's own appendMany
 * (same checks, same transaction). better-sqlite3 blocks the thread that calls it: a bulk import
 * spent a third of its time inside commits (inserts, WAL writes, fsync), which here overlap with
 * deciding the next batch on the main thread. The worker's connection sits beside the main one,
 * as any second writer would (WAL, busy timeout).
 */
export class SqliteAppendThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (r: AppendResult[]) => void; reject: (e: Error) => void }>();
  private next = 0;
  private failure?: Error;

  /** `evalCode` lets tests load the TypeScript worker; by default the compiled one beside this file runs. */
  constructor(
    readonly file: string,
    options: { evalCode?: string } = {},
  ) {
    this.worker = options.evalCode
      ? new Worker(options.evalCode, { eval: true, workerData: { file } })
      : new Worker(join(__dirname, 'append-worker.js'), { workerData: { file } });
    this.worker.on('message', (reply: Reply) => {
      const w = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (!reply.error) w?.resolve(reply.results!);
      else if (reply.error.conflict)
        w?.reject(
          new WrongExpectedRevision(
            reply.error.conflict.streamId,
            reply.error.conflict.expected,
            reply.error.conflict.actual,
          ),
        );
      else w?.reject(new Error(reply.error.message));
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the append thread stopped (exit code ${code})`)));
  }

  appendMany(writes: StreamWrite[]): Promise<AppendResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const id = this.next++;
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, writes });
    });
  }

  /** After the appends sent so far (the worker takes messages in order). */
  async close(): Promise<void> {
    if (this.failure) return;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage({ close: true });
    await exited;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }
}
