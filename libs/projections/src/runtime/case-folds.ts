import {
  caseDecider,
  CaseEvent,
  CaseState,
  EventMetadata,
  isCaseEventType,
  persistCase,
  restoreCase,
} from '@thads/domain';
import { EventStore, RecordedEvent } from '@thads/event-store/port';
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

export const CASE_FOLD_SCHEMA =
  'CREATE TABLE IF NOT EXISTS case_snapshots (case_id TEXT PRIMARY KEY, snapshot TEXT NOT NULL, known_at TEXT NOT NULL)';

/** A case as folded so far, and when its latest step became known. */
export interface HeldCase {
  state: CaseState;
  knownAt: string;
}

export const CASE_STREAM_PREFIX = 'case-';

export const caseIdOf = (recorded: RecordedEvent): string | undefined =>
  isCaseEventType(recorded.type) && recorded.streamId.startsWith(CASE_STREAM_PREFIX)
    ? recorded.streamId.slice(CASE_STREAM_PREFIX.length)
    : undefined;

/**
 * One event folded onto its case: the case after it, and what the read models see. Undefined
 * `folded` when the event changes nothing the read models know (an unknown case stays unknown).
 */
export const foldCaseEvent = (
  held: HeldCase | undefined,
  recorded: RecordedEvent,
  on: string,
  recordedAt: string,
): { held?: HeldCase; folded?: FoldedCase } => {
  const event = { type: recorded.type, data: recorded.data, on, id: recorded.id } as CaseEvent;
  const before = held?.state ?? caseDecider.initialState();
  const after = caseDecider.evolve(before, event);
  if (after.status !== 'known') return { held };
  const knownAt = held && held.knownAt >= recordedAt ? held.knownAt : recordedAt;
  return { held: { state: after, knownAt }, folded: { event, before, after, knownAt } };
};

/** The saved fold of a case (the `case_snapshots` row). */
const saveHeldCase = (out: RowWrites, caseId: string, held: HeldCase): void => {
  if (held.state.status === 'known') out.upsert(TABLE, [caseId, JSON.stringify(persistCase(held.state)), held.knownAt]);
};

/**
 * Folds every case event through the lifecycle machine for the read models. Folded cases stay
 * in memory between batches and are saved (a disposable JSON cache) now and then: when the cache
 * is full, every few seconds, and when the projector stops. Saving with every batch rewrote each
 * busy case's whole history over and over (README, Measurements behind the design). A restart replays the
 * log from where the folds were last saved; read models already past an event skip it.
 *
 * A case with history but no saved fold (a replay stream by stream saves none: see
 * Projector.replayFresh) is folded from its own stream, up to the event before the batch's first
 * of it: exactly what the projector has applied of it.
 *
 * Beside the state it keeps the case's clock: when its latest step became known, that is its
 * `recordedAt`, or later if an earlier step of the same case was recorded later still (imports of
 * old records can carry any entry time). A report "as known at T" then always sees a prefix of
 * each case's history, never a step without the steps it followed.
 */
export class CaseFolds {
  private cache = new Map<string, HeldCase>();
  private readonly dirty = new Set<string>();
  private savedAt = Date.now();

  constructor(
    private readonly store: ReadStore,
    private readonly log: EventStore,
  ) {}

  /** Loads the folds of the batch's cases not in memory: saved, or else from their streams. */
  async prefetch(batch: ReadonlyArray<RecordedEvent>): Promise<void> {
    // Each missing case with the batch's first event of it.
    const missing = new Map<string, RecordedEvent>();
    for (const e of batch) {
      const id = caseIdOf(e);
      if (id !== undefined && !this.cache.has(id) && !missing.has(id)) missing.set(id, e);
    }
    const ids = [...missing.keys()];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const rows = await this.store.all<{ case_id: string; snapshot: string; known_at: string }>(
        `SELECT case_id, snapshot, known_at FROM case_snapshots WHERE case_id IN (${chunk.map(() => '?').join(', ')})`,
        chunk,
      );
      for (const r of rows) {
        const state = restoreCase(JSON.parse(r.snapshot));
        if (state) this.cache.set(r.case_id, { state, knownAt: r.known_at });
      }
    }
    // A stream whose first event is in the batch has nothing before it.
    for (const [id, first] of missing) if (!this.cache.has(id) && first.revision > 0n) await this.foldStream(id, first);
  }

  private async foldStream(caseId: string, first: RecordedEvent): Promise<void> {
    let held: HeldCase | undefined;
    for await (const e of this.log.readStream(first.streamId)) {
      if (e.position >= first.position) break;
      const metadata = e.metadata as unknown as EventMetadata;
      held = foldCaseEvent(held, e, metadata?.on, metadata?.recordedAt ?? '').held;
    }
    if (held) this.cache.set(caseId, held);
  }

  /** After `prefetch` of its batch. */
  apply(recorded: RecordedEvent, on: string, recordedAt: string): FoldedCase | undefined {
    const caseId = caseIdOf(recorded);
    if (caseId === undefined) return undefined;
    const { held, folded } = foldCaseEvent(this.cache.get(caseId), recorded, on, recordedAt);
    if (!folded) return undefined;
    this.cache.set(caseId, held!);
    this.dirty.add(caseId);
    return folded;
  }

  /** Into the batch's writes, when due (or `now`); true when saved, so the fold's checkpoint moves. */
  save(out: RowWrites, now = false): boolean {
    const full = this.cache.size > CACHE_LIMIT;
    if (!now && !full && Date.now() - this.savedAt < SAVE_EVERY_MS) return false;
    for (const caseId of this.dirty) saveHeldCase(out, caseId, this.cache.get(caseId)!);
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
