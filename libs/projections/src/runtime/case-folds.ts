import type Database from 'better-sqlite3';
import { caseDecider, CaseEvent, CaseState, isCaseEventType, KnownCase, persistCase, restoreCase } from '@thads/domain';
import { RecordedEvent } from '@thads/event-store';

const CACHE_LIMIT = 100_000;

/**
 * Folds every case event through the lifecycle machine for the read models. Folded cases stay
 * in memory between events and are saved (as a disposable JSON cache) at the end of each batch,
 * so a restart resumes without replaying the log; a rebuild from zero ignores the saved ones.
 */
export class CaseFolds {
  private readonly cache = new Map<string, CaseState>();
  private readonly dirty = new Set<string>();
  private readonly load;
  private readonly save;

  constructor(private readonly db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS case_snapshots (case_id TEXT PRIMARY KEY, snapshot TEXT NOT NULL)');
    this.load = db.prepare<[string], { snapshot: string }>('SELECT snapshot FROM case_snapshots WHERE case_id = ?');
    this.save = db.prepare('INSERT INTO case_snapshots (case_id, snapshot) VALUES (?, ?) ON CONFLICT(case_id) DO UPDATE SET snapshot = excluded.snapshot');
  }

  apply(recorded: RecordedEvent, on: string): { event: CaseEvent; before: CaseState; after: KnownCase } | undefined {
    if (!isCaseEventType(recorded.type) || !recorded.streamId.startsWith('case-')) return undefined;
    const caseId = recorded.streamId.slice('case-'.length);
    const event = { type: recorded.type, data: recorded.data, on, id: recorded.id } as CaseEvent;
    const before = this.get(caseId);
    const after = caseDecider.evolve(before, event);
    if (after.status !== 'known') return undefined;
    this.cache.set(caseId, after);
    this.dirty.add(caseId);
    return { event, before, after };
  }

  get(caseId: string): CaseState {
    const cached = this.cache.get(caseId);
    if (cached) return cached;
    const row = this.load.get(caseId);
    return (row && restoreCase(JSON.parse(row.snapshot))) || caseDecider.initialState();
  }

  /** Inside the batch's transaction. */
  persist(): void {
    for (const caseId of this.dirty) {
      const state = this.cache.get(caseId);
      if (state?.status === 'known') this.save.run(caseId, JSON.stringify(persistCase(state)));
    }
    this.dirty.clear();
    if (this.cache.size > CACHE_LIMIT) this.cache.clear();
  }

  /** After a failed batch, memory may be ahead of the database: forget it. */
  forget(): void {
    this.cache.clear();
    this.dirty.clear();
  }

  reset(): void {
    this.forget();
    this.db.exec('DELETE FROM case_snapshots');
  }
}
