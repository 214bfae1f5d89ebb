import { AppendResult, StreamWrite } from './event-store';

/** What one command's writes came to inside a group: their results, or why they alone were refused. */
export type UnitOutcome = { results: AppendResult[] } | { error: Error };

/**
 * Commits a group of commands' writes in one durable transaction. Each command's writes (a unit)
 * succeed or fail together and alone: a conflict in one unit leaves the others in the group
 * (SQLite: a savepoint a unit; PostgreSQL: a plan a unit). Throws only when the group as a whole
 * did not commit: then none of it is stored.
 */
export type CommitGroup = (units: StreamWrite[][]) => UnitOutcome[] | Promise<UnitOutcome[]>;

interface Waiting {
  writes: StreamWrite[];
  resolve: (results: AppendResult[]) => void;
  reject: (error: Error) => void;
}

/**
 * Group commit, as databases batch their log writes: the appends that arrive while a commit is in
 * flight (or, for a store whose commit blocks the thread, within one turn of the event loop)
 * go together in the next one, so a durable flush (fsync, WAL write) is paid once for many
 * commands. Each caller is answered only once its own writes are durable, with its own outcome.
 * A turn of the event loop, not a timer: a lone command waits for no one.
 */
export class GroupCommit {
  private waiting: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;

  /**
   * `maxInFlight`: groups committing at once. One where a commit blocks the thread (SQLite);
   * a few where the database overlaps commits itself (PostgreSQL: a commit held by a slow disk
   * or a lock must not hold every other writer).
   */
  constructor(
    private readonly commit: CommitGroup,
    private readonly options: { maxUnits?: number; maxInFlight?: number } = {},
  ) {}

  submit(writes: StreamWrite[]): Promise<AppendResult[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ writes, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      // After the poll phase: every request read in this turn has reached its append by then.
      setImmediate(() => {
        this.scheduled = false;
        this.launch();
      });
    });
  }

  private launch(): void {
    while (this.inFlight < (this.options.maxInFlight ?? 1) && this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.options.maxUnits ?? 1_000);
      this.inFlight++;
      void this.run(group).finally(() => {
        this.inFlight--;
        // What arrived meanwhile goes now, together.
        this.launch();
      });
    }
  }

  private async run(group: Waiting[]): Promise<void> {
    let outcomes: UnitOutcome[];
    try {
      outcomes = await this.commit(group.map((w) => w.writes));
    } catch (error) {
      for (const w of group) w.reject(error as Error);
      return;
    }
    group.forEach((w, i) => {
      const outcome = outcomes[i];
      if ('error' in outcome) w.reject(outcome.error);
      else w.resolve(outcome.results);
    });
  }
}
