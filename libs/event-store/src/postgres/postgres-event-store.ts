import { EventEmitter } from 'node:events';
import { Pool } from 'pg';
import {
  AppendResult,
  CurrentRevision,
  LedgerEvent,
  EventData,
  EventStore,
  ExpectedRevision,
  NO_STREAM,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamWrite,
  Subscription,
  SubscribeToAllOptions,
} from '../event-store';
import { notifyChannel } from './append-section';
import { AppendContext, appendGroupOnce, isUniqueViolation } from './append-transaction';
import { GroupCommit, UnitOutcome } from '../group-commit';
import { NotifyListener } from './notify-listener';
import { pollSubscription } from './poll-subscription';
import { checkSchemaName, migrate } from './schema';
import { COLUMNS, EventRow, MAX_BIGINT, SETTLED, toRecorded } from './settled';

export interface PostgresEventStoreOptions {
  /** e.g. postgres://user@host:5432/db; or pass `pool` to share one (the store then never ends it). */
  connectionString?: string;
  pool?: Pool;
  /** Schema holding the tables, created if missing (default `thads`); tests use one per test. */
  schema?: string;
  /** Poll interval of subscriptions when no wake-up comes (default 250 ms). */
  pollMs?: number;
  /** NOTIFY on append and LISTEN in subscriptions, to wake other processes early (default true). */
  notify?: boolean;
  now?: () => Date;
}

const PAGE = 500;
/** Transactions of grouped appends at once: commits overlap (PostgreSQL flushes its WAL for them together), within pg's pool of 10. */
const GROUPS_IN_FLIGHT = 4;
/** Enough for every writer in a burst of `any` appends on one stream to get its turn. */
const MAX_ATTEMPTS = 20;

/** The PostgreSQL adapter through `pg`; migrations run on first use, or explicitly via `migrate()`. */
export class PostgresEventStore extends EventStore {
  readonly schema: string;
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly wakeups = new EventEmitter();
  private readonly listener?: NotifyListener;
  private readonly subscriptions = new Set<Subscription>();
  private readonly ctx: AppendContext;
  private migrated?: Promise<void>;
  /** The appends that arrive while a transaction is in flight go together in the next (group-commit.ts). */
  private readonly group = new GroupCommit((units) => this.commitGroup(units), { maxInFlight: GROUPS_IN_FLIGHT });

  constructor(private readonly options: PostgresEventStoreOptions) {
    super();
    if (!options.pool && !options.connectionString)
      throw new Error('PostgresEventStore needs a connectionString or a pool');
    this.schema = checkSchemaName(options.schema ?? 'thads');
    this.ownsPool = !options.pool;
    this.pool = options.pool ?? new Pool({ connectionString: options.connectionString });
    // An idle pooled connection that dies emits 'error'; unhandled, it would crash the process.
    if (this.ownsPool) this.pool.on('error', () => undefined);
    const notify = options.notify ?? true;
    if (notify) this.listener = new NotifyListener(this.pool.options, notifyChannel(this.schema), this.wakeups);
    this.wakeups.setMaxListeners(0);
    this.ctx = { pool: this.pool, schema: this.schema, notify, now: options.now ?? (() => new Date()) };
  }

  /** Applies missing schema migrations once; a failed attempt is retried by the next call. */
  migrate(): Promise<void> {
    this.migrated ??= migrate(this.pool, this.schema).catch((error) => {
      this.migrated = undefined;
      throw error;
    });
    return this.migrated;
  }

  async appendToStream(streamId: string, events: EventData[], expected: ExpectedRevision): Promise<AppendResult> {
    return (await this.appendMany([{ streamId, events, expected }]))[0];
  }

  /** All or nothing; committed with the other appends waiting meanwhile, each answered once durable. */
  async appendMany(writes: StreamWrite[]): Promise<AppendResult[]> {
    await this.migrate();
    return this.group.submit(writes);
  }

  private async commitGroup(units: StreamWrite[][]): Promise<UnitOutcome[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        const outcomes = await appendGroupOnce(this.ctx, units);
        this.wakeups.emit('append');
        return outcomes;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Not filtered by xmin: a command handler must read its own committed writes at once. */
  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    await this.migrate();
    const backwards = options.direction === 'backwards';
    const sql = `SELECT ${COLUMNS} FROM "${this.schema}".events WHERE stream_id = $1 AND revision ${backwards ? '<=' : '>='} $2
                 ORDER BY revision ${backwards ? 'DESC' : ''} LIMIT $3`;
    yield* this.paged(
      options.fromRevision ?? (backwards ? MAX_BIGINT : 0n),
      options.maxCount,
      backwards,
      (r) => BigInt(r.revision),
      (from, limit) => this.pool.query<EventRow>(sql, [streamId, from.toString(), limit]),
    );
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    await this.migrate();
    const backwards = options.direction === 'backwards';
    const sql = `SELECT ${COLUMNS} FROM "${this.schema}".events WHERE position ${backwards ? '<=' : '>='} $1 AND ${SETTLED}
                 ORDER BY position ${backwards ? 'DESC' : ''} LIMIT $2`;
    yield* this.paged(
      options.fromPosition ?? (backwards ? MAX_BIGINT : 0n),
      options.maxCount,
      backwards,
      (r) => BigInt(r.position),
      (from, limit) => this.pool.query<EventRow>(sql, [from.toString(), limit]),
    );
  }

  /**
   * The storage time as text, to the microsecond and in UTC whatever the session's time zone,
   * so that an edit of it by a microsecond changes what the anchors cover.
   */
  override async *readLedger(from: bigint, to: bigint): AsyncIterable<LedgerEvent> {
    await this.migrate();
    const sql = `SELECT ${COLUMNS}, to_char(stored_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS stored_at_text
                 FROM "${this.schema}".events WHERE position >= $1 AND position < $2 AND ${SETTLED} ORDER BY position LIMIT $3`;
    let next = from;
    for (;;) {
      const { rows } = await this.pool.query<EventRow & { stored_at_text: string }>(sql, [
        next.toString(),
        to.toString(),
        PAGE,
      ]);
      for (const r of rows) yield { ...toRecorded(r), storedAt: r.stored_at_text };
      if (rows.length < PAGE) return;
      next = BigInt(rows[rows.length - 1].position) + 1n;
    }
  }

  private async *paged(
    start: bigint,
    maxCount: number | undefined,
    backwards: boolean,
    key: (r: EventRow) => bigint,
    page: (from: bigint, limit: number) => Promise<{ rows: EventRow[] }>,
  ): AsyncIterable<RecordedEvent> {
    let from = start;
    let left = maxCount ?? Number.POSITIVE_INFINITY;
    while (left > 0) {
      const { rows } = await page(from, Math.min(PAGE, left));
      for (const r of rows) yield toRecorded(r);
      if (rows.length < Math.min(PAGE, left)) return;
      left -= rows.length;
      from = key(rows[rows.length - 1]) + (backwards ? -1n : 1n);
    }
  }

  /** Settled events after a position (exclusive); the subscription reads through it. */
  async pageAfter(after: bigint, limit = PAGE): Promise<RecordedEvent[]> {
    await this.migrate();
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM "${this.schema}".events WHERE position > $1 AND ${SETTLED} ORDER BY position LIMIT $2`,
      [after.toString(), limit],
    );
    return rows.map(toRecorded);
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    const inner = pollSubscription(
      this,
      this.wakeups,
      options,
      this.options.pollMs ?? 250,
      PAGE,
      this.listener?.ensure(),
    );
    const subscription: Subscription = {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await inner.stop();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async streamRevision(streamId: string): Promise<CurrentRevision> {
    await this.migrate();
    const { rows } = await this.pool.query<{ r: string | null }>(
      `SELECT max(revision) AS r FROM "${this.schema}".events WHERE stream_id = $1`,
      [streamId],
    );
    return rows[0].r === null ? NO_STREAM : BigInt(rows[0].r);
  }

  /** The last settled position: the furthest a subscriber can have got, consistent with readAll. */
  async headPosition(): Promise<bigint | undefined> {
    await this.migrate();
    const { rows } = await this.pool.query<{ head: string | null }>(
      `SELECT max(position) AS head FROM "${this.schema}".events WHERE ${SETTLED}`,
    );
    return rows[0].head === null ? undefined : BigInt(rows[0].head);
  }

  /** Stops this store's subscriptions first, so none reports a closed pool as a dropped connection. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.listener?.close();
    if (this.ownsPool && !this.pool.ended) await this.pool.end();
  }
}
