import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PATIENCE_MS } from '../../../../test/support/eventually';
import { describePostgres, postgresUrl } from '../../../../test/support/postgres';
import { ANY, collect, EventData, EventStore, NO_STREAM, RecordedEvent, WrongExpectedRevision } from '../event-store';
import { eventStoreContract } from '../testing/event-store-contract';
import { PostgresEventStore, PostgresEventStoreOptions } from './postgres-event-store';
import { CommitGate, waitingOnRowOf } from './testing/commit-gate';

const ev = (type: string, data: object = {}): EventData => ({
  id: randomUUID(),
  type,
  data: { ...data },
  metadata: {},
});
const types = (events: RecordedEvent[]) => events.map((e) => e.type);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describePostgres('PostgreSQL event store', () => {
  const admin = new Pool({ connectionString: postgresUrl(), max: 4 });
  afterAll(() => admin.end());

  /** A fresh schema per test, dropped with the store, so tests neither share nor leave data. */
  const open = async (options: Partial<PostgresEventStoreOptions> = {}) => {
    const store = new PostgresEventStore({
      connectionString: postgresUrl(),
      schema: `thads_t_${randomUUID().slice(0, 8)}`,
      pollMs: 20,
      ...options,
    });
    await store.migrate();
    return store;
  };
  const dispose = async (store: EventStore) => {
    const pg = store as PostgresEventStore;
    await pg.close();
    await admin.query(`DROP SCHEMA IF EXISTS "${pg.schema}" CASCADE`);
  };

  eventStoreContract('PostgreSQL', () => open(), dispose);

  // A failed test must not leave a writer parked at its gate: close() would wait for it forever.
  const gates: CommitGate[] = [];
  const closeGate = async (schema: string) => {
    const gate = await CommitGate.close(admin, schema);
    gates.push(gate);
    return gate;
  };
  const openGates = () => Promise.all(gates.splice(0).map((g) => g.open()));

  describe('concurrent writers', () => {
    let store: PostgresEventStore;
    beforeEach(async () => (store = await open()));
    afterEach(async () => {
      await openGates();
      await dispose(store);
    });

    it('never delivers a later position past an earlier one still in flight, then delivers both in order', async () => {
      const before = await store.appendToStream('case-0', [ev('Before')], NO_STREAM);
      const gate = await closeGate(store.schema);
      const seen: RecordedEvent[] = [];
      let caughtUp!: () => void;
      const isCaughtUp = new Promise<void>((r) => (caughtUp = r));
      const sub = store.subscribeToAll({
        onEvent: (e) => {
          seen.push(e);
        },
        onCaughtUp: () => caughtUp(),
      });
      await isCaughtUp;

      const slow = store.appendToStream('case-1', [ev('Held')], NO_STREAM); // position drawn, commit held
      await gate.waiting();
      const fast = await store.appendToStream('case-2', [ev('Free')], NO_STREAM); // later position, committed
      const plain = await admin.query(`SELECT type FROM "${store.schema}".events ORDER BY position`);
      expect(plain.rows.map((r) => r.type)).toEqual(['Before', 'Free']); // a naive reader would take Free now

      expect(types(await collect(store.readAll()))).toEqual(['Before']);
      expect(await store.headPosition()).toBe(before.position);
      await sleep(200); // the append woke the subscription, and ten poll intervals pass
      expect(types(seen)).toEqual(['Before']);

      await gate.open();
      const held = await slow;
      expect(held.position).toBeLessThan(fast.position);
      await waitUntilSeen(seen, 3);
      await sub.stop();
      expect(types(seen)).toEqual(['Before', 'Held', 'Free']);
      expect(seen.map((e) => e.position)).toEqual([seen[0].position, held.position, fast.position]);
      const fresh = await collectSubscription(store);
      expect(types(fresh)).toEqual(['Before', 'Held', 'Free']);
    });

    it('keeps xid order equal to position order under concurrent batches, so no subscriber skips', async () => {
      const seen: bigint[] = [];
      const sub = store.subscribeToAll({
        onEvent: (e) => {
          seen.push(e.position);
        },
      });
      const writer = async (w: number) => {
        for (let i = 0; i < 15; i++) {
          // Batches of 20 rows: without the section, concurrent multi-row inserts interleave positions.
          await store.appendMany([
            { streamId: `case-${w}-${i}-a`, events: Array.from({ length: 12 }, () => ev('A')), expected: NO_STREAM },
            { streamId: `case-${w}-${i}-b`, events: Array.from({ length: 8 }, () => ev('B')), expected: NO_STREAM },
          ]);
        }
      };
      await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
      const { rows } =
        await admin.query(`SELECT count(*)::int AS n FROM (SELECT transaction_id < lag(transaction_id) OVER (ORDER BY position) AS inverted
        FROM "${store.schema}".events) x WHERE inverted`);
      expect(rows[0].n).toBe(0);
      await waitUntil(() => seen.length === 8 * 15 * 20);
      await sub.stop();
      expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : 1)));
      expect(seen).toEqual((await collect(store.readAll())).map((e) => e.position));
    });

    it('lets every concurrent `any` writer through, one revision each', async () => {
      await Promise.all(Array.from({ length: 10 }, () => store.appendToStream('unit-1', [ev('X')], ANY)));
      expect((await collect(store.readStream('unit-1'))).map((e) => e.revision)).toEqual(
        Array.from({ length: 10 }, (_, i) => BigInt(i)),
      );
    });

    it('wakes a subscriber in another process through NOTIFY, long before its poll interval', async () => {
      const other = new PostgresEventStore({ connectionString: postgresUrl(), schema: store.schema, pollMs: 60_000 });
      let got!: (type: string) => void;
      const received = new Promise<string>((r) => (got = r));
      let caughtUp!: () => void;
      const ready = new Promise<void>((r) => (caughtUp = r));
      const sub = other.subscribeToAll({ onEvent: (e) => got(e.type), onCaughtUp: () => caughtUp() });
      await ready;
      await store.appendToStream('case-n', [ev('Notified')], NO_STREAM);
      expect(await received).toBe('Notified');
      await sub.stop();
      await other.close();
    });
  });

  describe('appendMany atomicity', () => {
    let store: PostgresEventStore;
    beforeEach(async () => (store = await open()));
    afterEach(async () => {
      await openGates();
      await dispose(store);
    });

    it('stores nothing of a batch when one write fails its expected revision', async () => {
      await store.appendToStream('case-b', [ev('B0')], NO_STREAM);
      const error = await store
        .appendMany([
          { streamId: 'case-a', events: [ev('A0')], expected: NO_STREAM },
          { streamId: 'case-b', events: [ev('B1')], expected: NO_STREAM },
        ])
        .catch((e) => e);
      expect(error).toBeInstanceOf(WrongExpectedRevision);
      expect(error).toMatchObject({ streamId: 'case-b', actual: 0n });
      expect(await store.streamRevision('case-a')).toBe(NO_STREAM);
      expect(types(await collect(store.readAll()))).toEqual(['B0']);
    });

    it('stores nothing when the conflict is caught only by the unique constraint, and reports the actual revision', async () => {
      const gate = await closeGate(store.schema);
      const rival = store.appendToStream('case-b', [ev('Held')], NO_STREAM); // inserted, not committed
      await gate.waiting();
      // Reads case-b as missing, inserts case-a's row, then waits on the rival's case-b revision 0.
      const batch = store
        .appendMany([
          { streamId: 'case-a', events: [ev('A0')], expected: NO_STREAM },
          { streamId: 'case-b', events: [ev('B0')], expected: NO_STREAM },
        ])
        .catch((e) => e);
      await waitingOnRowOf(admin, store.schema);
      await gate.open();
      await rival;
      const error = await batch;
      expect(error).toBeInstanceOf(WrongExpectedRevision);
      expect(error).toMatchObject({ streamId: 'case-b', actual: 0n });
      expect(await store.streamRevision('case-a')).toBe(NO_STREAM);
      expect(types(await collect(store.readAll()))).toEqual(['Held']);
    });
  });
});

const waitUntil = async (check: () => boolean, timeoutMs = PATIENCE_MS) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(10);
  }
};
const waitUntilSeen = (seen: unknown[], n: number) => waitUntil(() => seen.length >= n);

/** Everything a new subscriber from the start receives up to its first caught-up. */
const collectSubscription = (store: EventStore) =>
  new Promise<RecordedEvent[]>((resolve, reject) => {
    const events: RecordedEvent[] = [];
    const sub = store.subscribeToAll({
      onEvent: (e) => {
        events.push(e);
      },
      onCaughtUp: () => {
        void sub.stop().then(() => resolve(events));
      },
      onError: reject,
    });
  });
