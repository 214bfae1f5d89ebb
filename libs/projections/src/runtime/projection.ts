import { CaseEvent, CaseState, EventMetadata, KnownCase } from '@thads/domain';
import { RecordedEvent } from '@thads/event-store/port';
import { DdlTypes, ReadStore } from '../store/read-store';
import { RowWrites } from '../store/row-writes';

/** A case event with the case folded around it. */
export interface FoldedCase {
  event: CaseEvent;
  before: CaseState;
  after: KnownCase;
  /** When this step became known: see CaseFolds.knownAt. */
  knownAt: string;
}

/**
 * What a read model may know of an event's metadata: its business date and when it was
 * recorded. A replay stream by stream reads only these (see stream-replay.ts), so a projection
 * that needed more would see it live and miss it in a rebuild; the type keeps it from trying.
 */
export const PROJECTED_METADATA = ['on', 'recordedAt'] as const;
export type ProjectedMetadata = Pick<EventMetadata, (typeof PROJECTED_METADATA)[number]>;

/** A stored event with the case fold around it, as every read model sees it. */
export interface ProjectedEvent {
  recorded: RecordedEvent;
  metadata: ProjectedMetadata;
  /** Present for case events: the domain event and the case before and after it. */
  case?: FoldedCase;
  /** In a replay into empty tables, which calls the projection's `finishReplay` at its end. */
  replaying?: true;
  /**
   * In a replay stream by stream, on the last event of a case stream that has a `case`: no later
   * event changes the case. A read model with a row per case writes it here, once, instead of at
   * every event only to overwrite it (see stream-replay.ts).
   */
  lastFold?: true;
}

/**
 * A read model: its tables, and an apply that turns each event into rows (docs/style.md §11). It
 * never calls the decider, never appends, and never reads the store while applying: what it
 * needs to remember it loads once (`load`) and keeps in memory, so the same projection runs on
 * SQLite and PostgreSQL and a batch is one write. Bump `version` when its tables or meaning
 * change: the projector then rebuilds it from zero.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  /** CREATE TABLE IF NOT EXISTS … for its tables. */
  schema(types: DdlTypes): string;
  /** Its tables, dropped for a rebuild. */
  readonly tables: ReadonlyArray<string>;
  /** Reads back what `apply` remembers, before the first batch (and after a failed one). */
  load?(store: ReadStore): Promise<void>;
  apply(out: RowWrites, event: ProjectedEvent): void;
  /** Called once per batch after its events. */
  endBatch?(out: RowWrites): void;
  /**
   * After a replay into empty tables (events applied with `replaying`), before its checkpoint:
   * rows the projection keeps up event by event when live, but derives here once from what the
   * replay wrote.
   */
  finishReplay?(store: ReadStore): Promise<void>;
}
