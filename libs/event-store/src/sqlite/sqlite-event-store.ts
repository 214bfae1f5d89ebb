import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import {
  AppendResult, CurrentRevision, EventData, EventStore, NO_STREAM, ReadAllOptions, ReadStreamOptions, ReadStreamsOptions,
  RecordedEvent, satisfies, StreamWrite, Subscription, SubscribeToAllOptions, WrongExpectedRevision,
} from '../event-store';
import { openDatabase } from './open-database';
import { SQLITE_EVENT_SCHEMA } from './schema';
import { pollAll } from './poll-all';

interface Row { position: number; id: string; stream_id: string; revision: number; type: string; data: string; metadata: string }

const PAGE = 500;
const READ_STREAMS_PAGE = 2_000;
/** Sorts after any stream id. */
const LAST_ID = '\u{10FFFF}';
const toRecorded = (r: Row): RecordedEvent => ({
  id: r.id, type: r.type, streamId: r.stream_id, revision: BigInt(r.revision), position: BigInt(r.position),
  data: JSON.parse(r.data), metadata: JSON.parse(r.metadata),
});

/** The embedded default: one SQLite file through better-sqlite3. */
export class SqliteEventStore extends EventStore {
  readonly db: Database.Database;
  private readonly appended = new EventEmitter();
  private readonly sql;
  private readonly appendAll: (writes: StreamWrite[]) => AppendResult[];

  constructor(readonly file: string, private readonly options: { pollMs?: number; now?: () => Date } = {}) {
    super();
    this.db = openDatabase(file);
    this.db.exec(SQLITE_EVENT_SCHEMA);
    this.appended.setMaxListeners(0);
    this.sql = {
      revision: this.db.prepare('SELECT max(revision) AS r FROM events WHERE stream_id = ?').pluck(),
      byId: this.db.prepare<[string], Row>('SELECT * FROM events WHERE id = ?'),
      insert: this.db.prepare('INSERT INTO events (id, stream_id, revision, type, data, metadata, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      streamFwd: this.db.prepare<[string, number, number], Row>('SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?'),
      streamBwd: this.db.prepare<[string, number, number], Row>('SELECT * FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?'),
      allFwd: this.db.prepare<[number, number], Row>('SELECT * FROM events WHERE position >= ? ORDER BY position LIMIT ?'),
      allBwd: this.db.prepare<[number, number], Row>('SELECT * FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?'),
      head: this.db.prepare('SELECT max(position) FROM events').pluck(),
      streams: this.db.prepare<[string, number, string, number, number], Row>(
        'SELECT * FROM events WHERE (stream_id, revision) > (?, ?) AND stream_id < ? AND position <= ? ORDER BY stream_id, revision LIMIT ?'),
    };
    this.appendAll = this.db.transaction((writes: StreamWrite[]) => writes.map((w) => this.appendOne(w)));
  }

  async appendToStream(streamId: string, events: EventData[], expected: StreamWrite['expected']): Promise<AppendResult> {
    return (await this.appendMany([{ streamId, events, expected }]))[0];
  }

  async appendMany(writes: StreamWrite[]): Promise<AppendResult[]> {
    const results = this.appendAll(writes);
    this.appended.emit('append');
    return results;
  }

  private appendOne({ streamId, events, expected }: StreamWrite): AppendResult {
    const current = this.currentRevision(streamId);
    // A retry of an append that already happened fails the revision check (or, with `any`, the
    // unique id): only then is it worth asking whether these very events are stored already.
    const repeat = () => (events.length > 0 && this.sql.byId.get(events[0].id) ? this.repeatedAppend(streamId, events, expected, current) : undefined);
    if (!satisfies(expected, current)) {
      const repeated = repeat();
      if (repeated) return repeated;
      throw new WrongExpectedRevision(streamId, expected, current);
    }
    let revision = current === NO_STREAM ? -1 : Number(current);
    let position = 0;
    const storedAt = (this.options.now?.() ?? new Date()).toISOString();
    for (const e of events) {
      revision += 1;
      try {
        position = Number(this.sql.insert.run(e.id, streamId, revision, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), storedAt).lastInsertRowid);
      } catch (error) {
        const repeated = revision === (current === NO_STREAM ? 0 : Number(current) + 1) ? repeat() : undefined;
        if (repeated) return repeated;
        throw error;
      }
    }
    return { nextExpectedRevision: BigInt(revision), position: BigInt(position || (this.sql.head.get() as number) || 0) };
  }

  /** The same event ids again: the first append's result, nothing written (idempotent retry). */
  private repeatedAppend(streamId: string, events: EventData[], expected: StreamWrite['expected'], current: CurrentRevision): AppendResult {
    const rows = events.map((e) => this.sql.byId.get(e.id));
    if (rows.some((r) => !r || r.stream_id !== streamId)) throw new WrongExpectedRevision(streamId, expected, current);
    const last = rows[rows.length - 1]!;
    return { nextExpectedRevision: BigInt(last.revision), position: BigInt(last.position) };
  }

  private currentRevision(streamId: string): CurrentRevision {
    const r = this.sql.revision.get(streamId) as number | null;
    return r === null ? NO_STREAM : BigInt(r);
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let from = options.fromRevision !== undefined ? Number(options.fromRevision) : backwards ? Number.MAX_SAFE_INTEGER : 0;
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
    let from = options.fromPosition !== undefined ? Number(options.fromPosition) : backwards ? Number.MAX_SAFE_INTEGER : 0;
    let left = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (left > 0) {
      const rows = (backwards ? this.sql.allBwd : this.sql.allFwd).all(from, Math.min(PAGE, left));
      for (const r of rows) yield toRecorded(r);
      if (rows.length < PAGE) return;
      left -= rows.length;
      from = rows[rows.length - 1].position + (backwards ? -1 : 1);
    }
  }

  override async *readStreams({ prefix, except = false, upTo, from = '', to = LAST_ID }: ReadStreamsOptions): AsyncIterable<RecordedEvent> {
    // Ids starting with the prefix sort from it up to the prefix with its last character raised.
    const end = prefix === '' ? LAST_ID : prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
    if (!except) { yield* this.streamRange(from > prefix ? from : prefix, to < end ? to : end, upTo); return; }
    yield* this.streamRange('', prefix, upTo);
    yield* this.streamRange(end, LAST_ID, upTo);
  }

  /** Streams with `from <= id < to`, paged by (stream_id, revision) row values: no sort, no offset. */
  private *streamRange(from: string, to: string, upTo: bigint): Iterable<RecordedEvent> {
    let after: [string, number] = [from, -1];
    for (;;) {
      const rows = this.sql.streams.all(after[0], after[1], to, Number(upTo), READ_STREAMS_PAGE);
      for (const r of rows) yield toRecorded(r);
      if (rows.length < READ_STREAMS_PAGE) return;
      const last = rows[rows.length - 1];
      after = [last.stream_id, last.revision];
    }
  }

  /** Page of events after a position; the subscription's catch-up reads through it. */
  pageAfter(after: bigint, limit = PAGE): RecordedEvent[] {
    return this.sql.allFwd.all(Number(after) + 1, limit).map(toRecorded);
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
