import { caseDecider, CaseEvent, CaseState, isCaseEventType, persistCase, restoreCase } from '@thads/domain';
import { RecordedEvent } from '@thads/event-store';
import { ReadStore } from '../store/read-store';
import { RowWrites, TableSpec } from '../store/row-writes';
import { FoldedCase } from './projection';

/** Cases kept in memory between batches; beyond this they are saved and the cache starts afresh (flat memory). */
const CACHE_LIMIT = 20_000;
/** Saved at least this often while cases change, so a restart replays little. */
const SAVE_EVERY_MS = 10_000;
/** Ids per prefetch query. */
const CHUNK = 500;

const TABLE: TableSpec = { table: 'case_snapshots', columns: ['case_id', 'snapshot', 'known_at'], key: ['case_id'] };

export const CASE_FOLD_SCHEMA = 'CREATE TABLE IF NOT EXISTS case_snapshots (case_id TEXT PRIMARY KEY, snapshot TEXT NOT NULL, known_at TEXT NOT NULL)';

interface Folded { state: CaseState; knownAt: string }

const caseIdOf = (recorded: RecordedEvent): string | undefined =>
  isCaseEventType(recorded.type) && recorded.streamId.startsWith('case-') ? recorded.streamId.slice('case-'.length) : undefined;

/**
 * Folds every case event through the lifecycle machine for the read models. Folded cases stay
 * in memory between batches and are saved (a disposable JSON cache) now and then: when the cache
 * is full, every few seconds, and when the projector stops. Saving with every batch rewrote each
 * busy case's whole history over and over (measured: 40% of a rebuild). A restart replays the
 * log from where the folds were last saved; read models already past an event skip it.
 *
 * Beside the state it keeps the case's clock: when its latest step became known, that is its
 * `recordedAt`, or later if an earlier step of the same case was recorded later still (imports of
 * old records can carry any entry time). A report "as known at T" then always sees a prefix of
 * each case's history, never a step without the steps it followed.
 */
export class CaseFolds {
  private cache = new Map<string, Folded>();
  private readonly dirty = new Set<string>();
  private savedAt = Date.now();

  constructor(private readonly store: ReadStore) {}

  /** Loads the saved folds of the batch's cases not in memory. */
  async prefetch(batch: ReadonlyArray<RecordedEvent>): Promise<void> {
    const missing = new Set<string>();
    for (const e of batch) {
      const id = caseIdOf(e);
      if (id !== undefined && !this.cache.has(id)) missing.add(id);
    }
    const ids = [...missing];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const rows = await this.store.all<{ case_id: string; snapshot: string; known_at: string }>(
        `SELECT case_id, snapshot, known_at FROM case_snapshots WHERE case_id IN (${chunk.map(() => '?').join(', ')})`, chunk);
      for (const r of rows) this.cache.set(r.case_id, { state: restoreCase(JSON.parse(r.snapshot)) ?? caseDecider.initialState(), knownAt: r.known_at });
    }
  }

  /** After `prefetch` of its batch. */
  apply(recorded: RecordedEvent, on: string, recordedAt: string): FoldedCase | undefined {
    const caseId = caseIdOf(recorded);
    if (caseId === undefined) return undefined;
    const event = { type: recorded.type, data: recorded.data, on, id: recorded.id } as CaseEvent;
    const held = this.cache.get(caseId);
    const before = held?.state ?? caseDecider.initialState();
    const after = caseDecider.evolve(before, event);
    if (after.status !== 'known') return undefined;
    const knownAt = held && held.knownAt >= recordedAt ? held.knownAt : recordedAt;
    this.cache.set(caseId, { state: after, knownAt });
    this.dirty.add(caseId);
    return { event, before, after, knownAt };
  }

  /** Into the batch's writes, when due (or `now`); true when saved, so the fold's checkpoint moves. */
  save(out: RowWrites, now = false): boolean {
    const full = this.cache.size > CACHE_LIMIT;
    if (!now && !full && Date.now() - this.savedAt < SAVE_EVERY_MS) return false;
    for (const caseId of this.dirty) {
      const held = this.cache.get(caseId)!;
      if (held.state.status === 'known') out.upsert(TABLE, [caseId, JSON.stringify(persistCase(held.state)), held.knownAt]);
    }
    this.dirty.clear();
    this.savedAt = Date.now();
    if (full) this.cache = new Map();
    return true;
  }

  /** After a failed batch, memory may be ahead of the store: forget it. */
  forget(): void {
    this.cache = new Map();
    this.dirty.clear();
  }

  async reset(): Promise<void> {
    this.forget();
    await this.store.exec('DROP TABLE IF EXISTS case_snapshots');
    await this.store.exec(CASE_FOLD_SCHEMA);
  }
}
