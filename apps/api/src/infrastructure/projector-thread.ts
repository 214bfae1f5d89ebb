import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PositionWaiters } from '@thads/projections';

/** What the worker is given: the stores' locations, and how far behind it replays as a rebuild does. */
export interface ProjectorJob {
  eventStore: string;
  readStore: string;
  replayBehind: number;
}
export type ToProjector = 'appended' | 'stop';
export type FromProjector =
  | { applied: string }
  | { started: string }
  | { catchingUp: string }
  | { stopped: true }
  | { log: string }
  | { failed: string };

/** How long a stopping worker may take to finish its batch before it is terminated (its batch is one transaction). */
const STOP_MS = 5_000;

/**
 * The live projector in a worker thread (projector-worker.ts). The main thread keeps only what the
 * API asks of it, in memory: the position every read model has reached, and the callers waiting
 * for one (read-your-writes). From TypeScript sources (tests) the worker registers the compiler
 * first (scripts/ts-register.js), as the CLI's test workers do.
 */
export class ProjectorThread {
  private readonly worker: Worker;
  private readonly waiters = new PositionWaiters();
  private applied = 0n;
  private readonly started: Promise<void>;
  private exited: Promise<void>;
  private failure?: string;

  constructor(
    job: ProjectorJob,
    private readonly log: (message: string) => void,
  ) {
    const file = join(__dirname, `projector-worker${extname(__filename)}`);
    this.worker =
      extname(__filename) === '.ts'
        ? new Worker(
            `require(${JSON.stringify(join(__dirname, '../../../../scripts/ts-register.js'))}); require(${JSON.stringify(file)});`,
            { eval: true, workerData: job },
          )
        : new Worker(file, { workerData: job });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.started = new Promise((resolve, reject) => {
      this.worker.on('message', (message: FromProjector) => {
        if ('applied' in message) this.advance(BigInt(message.applied));
        else if ('started' in message) {
          this.advance(BigInt(message.started));
          resolve();
        }
        // Far behind: the API goes on meanwhile, and reports the lag (GET /api/health/details).
        else if ('catchingUp' in message) {
          this.advance(BigInt(message.catchingUp));
          resolve();
        } else if ('log' in message) this.log(message.log);
        else if ('failed' in message) {
          this.failure = message.failed;
          this.log(`projector thread failed: ${message.failed}`);
          reject(new Error(message.failed));
        }
      });
      this.worker.once('error', (error) => {
        this.failure = error.message;
        reject(error);
      });
      this.worker.once('exit', (code) => reject(new Error(`the projector thread stopped (exit code ${code})`)));
    });
    this.started.catch(() => undefined);
  }

  /** Resolves once the worker projects live or has begun to catch up; rejects if it could not start. */
  whenStarted(): Promise<void> {
    return this.started;
  }

  get position(): bigint {
    return this.applied;
  }

  get failed(): string | undefined {
    return this.failure;
  }

  /** A commit of this process: the worker reads it now rather than at its next poll (SQLite). */
  appended(): void {
    this.worker.postMessage('appended' satisfies ToProjector);
  }

  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    return position <= this.applied ? Promise.resolve(true) : this.waiters.wait(position, timeoutMs);
  }

  async stop(): Promise<void> {
    this.worker.postMessage('stop' satisfies ToProjector);
    const timer = setTimeout(() => void this.worker.terminate(), STOP_MS);
    await this.exited;
    clearTimeout(timer);
  }

  private advance(position: bigint): void {
    if (position <= this.applied) return;
    this.applied = position;
    this.waiters.release(position);
  }
}
