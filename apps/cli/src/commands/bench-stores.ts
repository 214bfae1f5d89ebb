import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { demoLines, ImportRunner, SystemClock, UnitRegistry } from '@thads/application';
import {
  EventStore,
  NO_STREAM,
  PostgresEventStore,
  SqliteEventStore,
  EventStoreDbEventStore,
} from '@thads/event-store';
import { createProjections, PostgresReadStore, Projector, ReadStore, SqliteReadStore } from '@thads/projections';
import { CLI_ACTOR } from '../context';

export interface StoreKind {
  name: string;
  open(): Promise<{ store: EventStore; dispose(): Promise<void> } | string>;
}

export interface StoreRow {
  store: string;
  rawAppends: number | string;
  importCommands: number | string;
  /** Rebuild of every read model, into SQLite and into PostgreSQL. */
  rebuildEvents: number | string;
  rebuildToPostgres: number | string;
}

/**
 * The same measures on every event store, side by side: raw appends (batches of 100), `thads
 * import` through the write path, and a rebuild of every read model from that store, into a
 * SQLite read store and into a PostgreSQL one.
 * EventStoreDB runs through the real client against the protocol double: it checks our adapter's
 * overhead, not a server's speed.
 */
export const benchStores = async (
  kinds: StoreKind[],
  dir: string,
  pgUrl: string,
  sizes: { events: number; cases: number },
): Promise<StoreRow[]> => {
  const rows: StoreRow[] = [];
  for (const kind of kinds) {
    const opened = await kind.open();
    if (typeof opened === 'string') {
      rows.push({
        store: kind.name,
        rawAppends: opened,
        importCommands: '-',
        rebuildEvents: '-',
        rebuildToPostgres: '-',
      });
      continue;
    }
    try {
      rows.push({
        store: kind.name,
        rawAppends: await measured(() => rawAppends(opened.store, sizes.events)),
        importCommands: await measured(() => importDemo(opened.store, sizes.cases)),
        rebuildEvents: await measured(() =>
          rebuild(opened.store, new SqliteReadStore(join(dir, `${randomUUID()}-read.db`))),
        ),
        rebuildToPostgres: await measured(() => rebuildToPostgres(opened.store, pgUrl)),
      });
    } finally {
      await opened.dispose();
    }
  }
  return rows;
};

/** A failed measure is reported in its cell, not allowed to hide the others. */
const measured = async (run: () => Promise<number>): Promise<number | string> => {
  try {
    return await run();
  } catch (error) {
    return `failed: ${(error as Error).message.slice(0, 60)}`;
  }
};

const rate = (count: number, startedNs: bigint) =>
  Math.round(count / (Number(process.hrtime.bigint() - startedNs) / 1e9));

/** Batches of 100 new events, each to a new stream, one durable commit each. */
export const rawAppends = async (store: EventStore, events: number): Promise<number> => {
  const started = process.hrtime.bigint();
  for (let b = 0; b < events / 100; b++) {
    const batch = Array.from({ length: 100 }, (_, j) => ({
      id: randomUUID(),
      type: 'BenchEvent',
      data: { n: j },
      metadata: { on: '2025-01-02' },
    }));
    await store.appendToStream(`bench-${randomUUID()}`, batch, NO_STREAM);
  }
  return rate(events, started);
};

const importDemo = async (store: EventStore, cases: number): Promise<number> => {
  const lines = [...demoLines('2026-11-22', { cases, seed: 11 })];
  const started = process.hrtime.bigint();
  const summary = await new ImportRunner(store, new UnitRegistry(store), new SystemClock(), CLI_ACTOR).run(
    (async function* () {
      yield* lines;
    })(),
  );
  return rate(summary.lines, started);
};

const rebuild = async (store: EventStore, db: ReadStore): Promise<number> => {
  let events = 0;
  for await (const _ of store.readAll()) events++;
  const projector = new Projector(store, db, createProjections());
  const started = process.hrtime.bigint();
  await projector.catchUp();
  const value = rate(events, started);
  await db.close();
  return value;
};

const rebuildToPostgres = async (store: EventStore, pgUrl: string): Promise<number> => {
  const schema = `thads_bench_read_${randomUUID().slice(0, 8)}`;
  const url = new URL(pgUrl);
  url.searchParams.set('schema', schema);
  try {
    return await rebuild(store, new PostgresReadStore(url.toString()));
  } finally {
    await dropSchema(pgUrl, schema).catch(() => undefined);
  }
};

export const STORE_KINDS = (dir: string, pgUrl: string): StoreKind[] => [
  {
    name: 'SQLite (embedded)',
    open: async () => {
      const store = new SqliteEventStore(join(dir, `${randomUUID()}.db`));
      return { store, dispose: () => store.close() };
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const schema = `thads_bench_${randomUUID().slice(0, 8)}`;
      const store = new PostgresEventStore({ connectionString: pgUrl, schema });
      try {
        await store.migrate();
      } catch (error) {
        await store.close();
        return `not reachable (${(error as Error).message})`;
      }
      return {
        store,
        dispose: async () => {
          await store.close();
          await dropSchema(pgUrl, schema);
        },
      };
    },
  },
  {
    // The shipped CLI knows EventStoreDB only by its address: `npm run bench` starts the
    // protocol-level double (scripts/with-esdb-double.ts) and passes its address here.
    name: 'EventStoreDB (client + test double)',
    open: async () => {
      const url = process.env.THADS_BENCH_ESDB_URL;
      if (!url) return 'no server (THADS_BENCH_ESDB_URL unset; `npm run bench` starts the double)';
      const store = new EventStoreDbEventStore(url);
      return { store, dispose: () => store.close() };
    },
  },
];

const dropSchema = async (url: string, schema: string) => {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
};
