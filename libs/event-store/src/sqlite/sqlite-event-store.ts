import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import {
  AppendResult,
  JsonValue,
  LedgerEvent,
  CurrentRevision,
  EventData,
  EventStore,
  NO_STREAM,
  ReadAllOptions,
  ReadStreamOptions,
  ReadStreamsOptions,
  RecordedEvent,
  satisfies,
  StreamWrite,
  Subscription,
  SubscribeToAllOptions,
  WrongExpectedRevision,
} from '../event-store';
import { openDatabase } from './open-database';
import { SQLITE_EVENT_SCHEMA } from './schema';
import { pollAll } from './poll-all';
import { idHash, StreamIds } from './stream-ids';
import { RawLogReader, recordedOf } from './raw-log-reader';
import { GroupCommit, UnitOutcome } from '../group-commit';

interface Row {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

const PAGE = 500;
/**
 * Events inserted by one statement: a batch of 100 bound and stepped once instead of 100 times,
 * a call into SQLite costing more than the row it writes (README, Measurements behind the design).
 */
const ROWS_PER_INSERT = 100;
const COLUMNS = 7;
const READ_STREAMS_PAGE = 2_000;
/** Sorts after any stream id. */
const LAST_ID = '\u{10FFFF}';
const toRecorded = (r: Row): RecordedEvent => ({
  id: r.id,
  type: r.type,
  streamId: r.stream_id,
  revision: BigInt(r.revision),
  position: BigInt(r.position),
  data: JSON.parse(r.data),
  metadata: JSON.parse(r.metadata),
});

/** The embedded default: one SQLite file through better-sqlite3. */
export class SqliteEventStore extends EventStore {
  readonly db: Database.Database;
  private readonly appended = new EventEmitter();
  private readonly sql;
  private readonly appendGroup: (units: StreamWrite[][]) => UnitOutcome[];
  private readonly group = new GroupCommit((units) => this.commitGroup(units));
  private readonly inserts: Database.Statement[] = [];
  /** Hashes of the ids of streams used lately (stream-ids.ts); changed only once a transaction commits. */
  private readonly streamIds = new StreamIds();
  /** Within a transaction: the hashes of the streams it has read or appended to, as they will be if it commits. */
  private pendingIds?: Map<string, number[]>;
  /** readStreams' statements, by the metadata fields they extract. */
  private readonly streamReads = new Map<string, Database.Statement>();

  constructor(
    readonly file: string,
    private readonly options: { pollMs?: number; now?: () => Date } = {},
  ) {
    super();
    this.db = openDatabase(file);
    this.db.exec(SQLITE_EVENT_SCHEMA);
    this.appended.setMaxListeners(0);
    this.sql = {
      revision: this.db.prepare('SELECT max(revision) AS r FROM events WHERE stream_id = ?').pluck(),
      at: this.db.prepare<[string, number], Row>('SELECT * FROM events WHERE stream_id = ? AND revision = ?'),
      idsFrom: this.db
        .prepare<[string, number], string>(
          'SELECT id FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision',
        )
        .pluck(),
      position: this.db.prepare('SELECT position FROM events WHERE stream_id = ? AND revision = ?').pluck(),
      streamFwd: this.db.prepare<[string, number, number], Row>(
        'SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
      ),
      streamBwd: this.db.prepare<[string, number, number], Row>(
        'SELECT * FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
      ),
      allFwd: this.db.prepare<[number, number], Row>(
        'SELECT * FROM events WHERE position >= ? ORDER BY position LIMIT ?',
      ),
      allBwd: this.db.prepare<[number, number], Row>(
        'SELECT * FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?',
      ),
      head: this.db.prepare('SELECT max(position) FROM events').pluck(),
    };
    // A unit (one command's writes, or an import's batch) inside the group is a savepoint:
    // a unit that fails is rolled back alone, and the group's other units commit.
    const appendUnit = this.db.transaction((writes: StreamWrite[]) => writes.map((w) => this.appendOne(w)));
    const appendGroup = this.db.transaction((units: StreamWrite[][]) =>
      units.map((writes): UnitOutcome => {
        const known = new Map(this.pendingIds);
        try {
          return { results: appendUnit(writes) };
        } catch (error) {
          // A refusal of this unit only; an error of the database itself fails the whole group.
          if ((error as { code?: string }).code !== undefined) throw error;
          // What the unit learnt of its streams' ids was rolled back with it.
          this.pendingIds = known;
          return { error: error as Error };
        }
      }),
    );
    // IMMEDIATE: the revision checks and the inserts hold the write lock together, even when
    // another process (an import beside the API) appends to the same file.
    this.appendGroup = (units) => appendGroup.immediate(units);
  }

  async appendToStream(
    streamId: string,
    events: EventData[],
    expected: StreamWrite['expected'],
  ): Promise<AppendResult> {
    return (await this.appendMany([{ streamId, events, expected }]))[0];
  }

  /**
   * Atomic, and committed with the other appends of this turn of the event loop in one durable
   * transaction (group-commit.ts): 32 concurrent commands cost one fsync, not 32. Resolves only
   * once that transaction has committed (synchronous=FULL).
   */
  appendMany(writes: StreamWrite[]): Promise<AppendResult[]> {
    return this.group.submit(writes);
  }

  private commitGroup(units: StreamWrite[][]): UnitOutcome[] {
    this.pendingIds = new Map<string, number[]>();
    let outcomes: UnitOutcome[];
    let pending: Map<string, number[]>;
    try {
      outcomes = this.appendGroup(units);
    } finally {
      pending = this.pendingIds;
      this.pendingIds = undefined;
    }
    // Committed: what the transaction learnt of its streams' ids is true now.
    for (const [streamId, hashes] of pending) this.streamIds.set(streamId, hashes);
    this.appended.emit('append');
    return outcomes;
  }

  private appendOne({ streamId, events, expected }: StreamWrite): AppendResult {
    // As the PostgreSQL adapter refuses it: a retry could not tell which of the two was stored.
    if (events.length > 1 && new Set(events.map((e) => e.id)).size !== events.length)
      throw new Error('the same event id appears twice in one append');
    const current = this.currentRevision(streamId);
    // A new stream holds no id yet: the fast path of an import's new cases reads nothing more.
    if (current !== NO_STREAM && events.length > 0) {
      const repeated = this.repeatedAppend(streamId, events, expected, current);
      if (repeated) return repeated;
    }
    if (!satisfies(expected, current)) throw new WrongExpectedRevision(streamId, expected, current);
    let revision = current === NO_STREAM ? -1 : Number(current);
    if (events.length === 0)
      return { nextExpectedRevision: BigInt(revision), position: BigInt((this.sql.head.get() as number) || 0) };
    const storedAt = (this.options.now?.() ?? new Date()).toISOString();
    const values: Array<string | number> = [];
    for (const e of events)
      values.push(e.id, streamId, ++revision, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), storedAt);
    const known = current === NO_STREAM ? [] : this.pendingIds?.get(streamId);
    if (known) this.pendingIds!.set(streamId, [...known, ...events.map((e) => idHash(e.id))]);
    let position = 0;
    try {
      for (let i = 0; i < events.length; i += ROWS_PER_INSERT) {
        const rows = Math.min(ROWS_PER_INSERT, events.length - i);
        position = Number(this.insertOf(rows).run(values.slice(i * COLUMNS, (i + rows) * COLUMNS)).lastInsertRowid);
      }
    } catch (error) {
      // A file created before ids became per-stream keeps a unique index on them: an id used
      // by another stream is refused there, as a conflict.
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
        throw new WrongExpectedRevision(streamId, expected, current);
      throw error;
    }
    return { nextExpectedRevision: BigInt(revision), position: BigInt(position) };
  }

  /** One statement per number of rows, prepared when first needed (at most ROWS_PER_INSERT). */
  private insertOf(rows: number): Database.Statement {
    let statement = this.inserts[rows];
    if (!statement) {
      statement = this.db.prepare(
        `INSERT INTO events (id, stream_id, revision, type, data, metadata, stored_at) VALUES ${Array(rows).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      );
      this.inserts[rows] = statement;
    }
    return statement;
  }

  /**
   * Event ids are idempotency keys within their stream: when the first id is stored already, the
   * append is a repeat, answered with the first result whatever revision it expects. A retry
   * usually states the revision it was decided on, so the row after it is probed first; else the
   * stream's own index entries are walked (a case stream is a handful of events). Only some of the
   * ids stored where they would sit is not a repeat but a conflict.
   */
  private repeatedAppend(
    streamId: string,
    events: EventData[],
    expected: StreamWrite['expected'],
    current: CurrentRevision,
  ): AppendResult | undefined {
    const first = this.revisionOf(streamId, events[0].id, Number(current));
    if (first === undefined) return undefined;
    const later = events.slice(1).map((_, i) => this.sql.at.get(streamId, first + 1 + i));
    if (later.some((r, i) => r?.id !== events[i + 1].id)) throw new WrongExpectedRevision(streamId, expected, current);
    const last = this.sql.position.get(streamId, first + events.length - 1) as number;
    return { nextExpectedRevision: BigInt(first + events.length - 1), position: BigInt(last), alreadyStored: true };
  }

  /**
   * Where the id sits in the stream (at revisions 0 to `current`), if it does. The stream's id
   * hashes come from what this connection knows (stream-ids.ts), completed from the rows it does
   * not know yet; a matching hash is confirmed on its row.
   */
  private revisionOf(streamId: string, id: string, current: number): number | undefined {
    let hashes = this.pendingIds?.get(streamId) ?? this.streamIds.get(streamId) ?? [];
    if (hashes.length !== current + 1) {
      // Appended by another connection since (or a transaction of ours rolled back): read the rest.
      if (hashes.length > current + 1) hashes = [];
      hashes = [...hashes, ...this.sql.idsFrom.all(streamId, hashes.length).map(idHash)];
    }
    this.pendingIds?.set(streamId, hashes);
    const hash = idHash(id);
    for (let revision = hashes.length - 1; revision >= 0; revision--) {
      if (hashes[revision] === hash && this.sql.at.get(streamId, revision)?.id === id) return revision;
    }
    return undefined;
  }

  private currentRevision(streamId: string): CurrentRevision {
    const r = this.sql.revision.get(streamId) as number | null;
    return r === null ? NO_STREAM : BigInt(r);
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let from =
      options.fromRevision !== undefined ? Number(options.fromRevision) : backwards ? Number.MAX_SAFE_INTEGER : 0;
    let left = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (left > 0) {
      const rows = (backwards ? this.sql.streamBwd : this.sql.streamFwd).all(streamId, from, Math.min(PAGE, left));
      for (const r of rows) yield toRecorded(r);
      if (rows.length < PAGE) return;
      left -= rows.length;
      from = rows[rows.length - 1].revision + (backwards ? -1 : 1);
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let from =
      options.fromPosition !== undefined ? Number(options.fromPosition) : backwards ? Number.MAX_SAFE_INTEGER : 0;
    let left = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (left > 0) {
      const rows = (backwards ? this.sql.allBwd : this.sql.allFwd).all(from, Math.min(PAGE, left));
      for (const r of rows) yield toRecorded(r);
      if (rows.length < PAGE) return;
      left -= rows.length;
      from = rows[rows.length - 1].position + (backwards ? -1 : 1);
    }
  }

  override async *readLedger(from: bigint, to: bigint): AsyncIterable<LedgerEvent> {
    for (const page of new RawLogReader(this.db).pages(from, to))
      for (const row of page) yield { ...recordedOf(row), storedAt: row[7] };
  }

  override async *readStreams(options: ReadStreamsOptions): AsyncIterable<RecordedEvent> {
    yield* this.readStreamsNow(options);
  }

  /**
   * `readStreams` without a promise an event: a replay worker reads the log this way, a promise
   * an event being a tenth of the read (README, Measurements behind the design).
   */
  *readStreamsNow({
    prefix,
    except = false,
    upTo,
    from = '',
    to = LAST_ID,
    metadataFields,
  }: ReadStreamsOptions): Iterable<RecordedEvent> {
    // Ids starting with the prefix sort from it up to the prefix with its last character raised.
    const end =
      prefix === '' ? LAST_ID : prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
    if (!except) {
      yield* this.streamRange(from > prefix ? from : prefix, to < end ? to : end, upTo, metadataFields);
      return;
    }
    yield* this.streamRange('', prefix, upTo, metadataFields);
    yield* this.streamRange(end, LAST_ID, upTo, metadataFields);
  }

  /**
   * Streams with `from <= id < to`, paged by (stream_id, revision) row values: no sort, no offset.
   * Rows come as arrays, and only the metadata fields asked for, extracted by SQLite: the
   * metadata is several times the size of the data, and parsing it was a third of a replay's read
   * (README, Measurements behind the design).
   */
  private *streamRange(
    from: string,
    to: string,
    upTo: bigint,
    fields?: ReadonlyArray<string>,
  ): Iterable<RecordedEvent> {
    const read = this.streamRead(fields);
    let after: [string, number] = [from, -1];
    for (;;) {
      const rows = read.all(after[0], after[1], to, Number(upTo), READ_STREAMS_PAGE) as unknown[][];
      for (const r of rows) {
        let metadata: { [field: string]: JsonValue };
        if (!fields) metadata = JSON.parse(r[6] as string);
        else {
          metadata = {};
          for (let i = 0; i < fields.length; i++) if (r[6 + i] !== null) metadata[fields[i]] = r[6 + i] as JsonValue;
        }
        yield {
          position: BigInt(r[0] as number),
          id: r[1] as string,
          streamId: r[2] as string,
          revision: BigInt(r[3] as number),
          type: r[4] as string,
          data: JSON.parse(r[5] as string),
          metadata,
        };
      }
      if (rows.length < READ_STREAMS_PAGE) return;
      const last = rows[rows.length - 1];
      after = [last[2] as string, last[3] as number];
    }
  }

  private streamRead(fields?: ReadonlyArray<string>): Database.Statement {
    const name = fields?.join(',') ?? '*';
    let statement = this.streamReads.get(name);
    if (!statement) {
      const bad = fields?.find((f) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(f));
      if (bad !== undefined) throw new Error(`metadata field ${JSON.stringify(bad)}: a plain name is expected`);
      // SQLite's JSON text extracts as text and numbers as numbers, as JSON.parse gives them.
      const metadata = !fields
        ? 'metadata'
        : fields.length === 0
          ? 'NULL'
          : fields.map((f) => `json_extract(metadata, '$.${f}')`).join(', ');
      statement = this.db
        .prepare(
          `SELECT position, id, stream_id, revision, type, data, ${metadata} FROM events
        WHERE (stream_id, revision) > (?, ?) AND stream_id < ? AND position <= ? ORDER BY stream_id, revision LIMIT ?`,
        )
        .raw();
      this.streamReads.set(name, statement);
    }
    return statement;
  }

  /** Page of events after a position; the subscription's catch-up reads through it. */
  pageAfter(after: bigint, limit = PAGE): RecordedEvent[] {
    return this.sql.allFwd.all(Number(after) + 1, limit).map(toRecorded);
  }

  /**
   * Called after each commit of this connection: a projector on another thread (or connection)
   * is told at once instead of at its next poll. Returns the way to stop listening.
   */
  onAppended(listener: () => void): () => void {
    this.appended.on('append', listener);
    return () => this.appended.off('append', listener);
  }

  /** Another connection to the file has committed (told by its thread): wakes this one's subscriptions. */
  wake(): void {
    this.appended.emit('append');
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    return pollAll(this, this.appended, options, this.options.pollMs ?? 250);
  }

  async streamRevision(streamId: string): Promise<CurrentRevision> {
    return this.currentRevision(streamId);
  }

  async headPosition(): Promise<bigint | undefined> {
    const head = this.sql.head.get() as number | null;
    return head === null ? undefined : BigInt(head);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
