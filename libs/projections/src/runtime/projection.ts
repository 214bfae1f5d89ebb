import { CaseEvent, CaseState, EventMetadata, KnownCase } from '@thads/domain';
import { RecordedEvent } from '@thads/event-store/port';
import { DdlTypes, ReadStore, SqlValue } from '../store/read-store';
import { RowWrites, TableSpec } from '../store/row-writes';

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
 * recorded. A rebuild reads only these (rebuild/stream-replay.ts), so a projection
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
}

/**
 * A row a case, the case as it stands: replaced whenever an event folds the case. Declared
 * rather than written by `apply` so that a rebuild (libs/projections/src/rebuild) can write it
 * once a case, from the case's last event, instead of at every event only to overwrite it.
 */
export interface CaseRow {
  readonly table: TableSpec;
  row(folded: FoldedCase, recorded: RecordedEvent): SqlValue[];
}

/**
 * Several rows a case, numbered from 0 (the deadlines' versions): like `CaseRow`, the case as it
 * stands, written once a case by a rebuild. Live, a case that changes rewrites its rows, and the
 * rows it no longer has are emptied (`emptied`), since rows are never deleted.
 */
export interface CaseRows {
  readonly table: TableSpec;
  rows(c: KnownCase): SqlValue[][];
  emptied(c: KnownCase, seq: number): SqlValue[];
}

/**
 * Sums over rows `apply` writes (the ledger's daily sums, for a unit and every unit above it),
 * kept apart because a rebuild fills them its own way: live, `add` adds each event's share; a
 * rebuild into empty tables skips `add` and, once every row is in, `recompute` has the store sum
 * them from those rows, far faster than adding them up event by event.
 */
export interface Sums {
  add(out: RowWrites, event: ProjectedEvent): void;
  recompute(store: ReadStore): Promise<void>;
}

/**
 * A read model: its tables, and how events become rows (docs/style.md §11): `apply` for rows
 * from each event, `caseRow` for a row a case, `sums` for totals of those rows. It never calls
 * the decider, never appends, and never reads the store while applying: what it needs to
 * remember it loads once (`load`) and keeps in memory, so the same projection runs on SQLite and
 * PostgreSQL and a batch is one write. Live and rebuilt from zero, a read model ends with the
 * same rows (test/cli/stream-replay.int-spec.ts). Bump `version` when its tables or meaning
 * change: the projector then rebuilds it from zero.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  /** CREATE TABLE IF NOT EXISTS … for its tables. */
  schema(types: DdlTypes): string;
  /** Its tables, dropped for a rebuild. */
  readonly tables: ReadonlyArray<string>;
  /** Reads back what it remembers, before the first batch (and after a failed one). */
  load?(store: ReadStore): Promise<void>;
  apply?(out: RowWrites, event: ProjectedEvent): void;
  readonly caseRow?: CaseRow;
  readonly caseRows?: CaseRows;
  readonly sums?: Sums;
  /** Called once per batch after its events. */
  endBatch?(out: RowWrites): void;
}

/** One event into one read model, as the live projector applies it. */
export const applyLive = (p: Projection, out: RowWrites, event: ProjectedEvent): void => {
  p.apply?.(out, event);
  if (event.case) {
    if (p.caseRow) out.upsert(p.caseRow.table, p.caseRow.row(event.case, event.recorded));
    if (p.caseRows && event.case.before !== event.case.after) rewriteCaseRows(p.caseRows, out, event.case);
    p.sums?.add(out, event);
  }
};

const sameRow = (a: SqlValue[] | undefined, b: SqlValue[]): boolean =>
  a !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);

/** The rows the event changed: those it left as they were are not written again. */
const rewriteCaseRows = (caseRows: CaseRows, out: RowWrites, { before, after }: FoldedCase): void => {
  const rows = caseRows.rows(after);
  const had = before.status === 'known' ? caseRows.rows(before) : [];
  for (const [seq, row] of rows.entries()) if (!sameRow(had[seq], row)) out.upsert(caseRows.table, row);
  for (let seq = rows.length; seq < had.length; seq++) out.upsert(caseRows.table, caseRows.emptied(after, seq));
};
