import { randomUUID } from 'node:crypto';
import { EsdbDouble, EsdbDoubleOptions, startEsdbDouble } from '../../../../test/support/esdb-double';
import { PATIENCE_MS } from '../../../../test/support/eventually';
import { collect, EventData, EventStore, NO_STREAM, RecordedEvent } from '../event-store';
import { isStoreUnavailable } from '../store-unavailable';
import { eventStoreContract } from '../testing/event-store-contract';
import { AppendUnanswered } from './append-answer';
import { EventStoreDbEventStore, EventStoreDbOptions } from './eventstoredb-event-store';

const doubles = new WeakMap<EventStore, EsdbDouble>();

/** A fresh double per store: starting one is a few milliseconds, and no test sees another's events. */
const openOnDouble = async (doubleOptions: EsdbDoubleOptions = {}, options: EventStoreDbOptions = {}) => {
  const double = await startEsdbDouble(doubleOptions);
  const store = new EventStoreDbEventStore(double.connectionString, { retry: { initialDelayMs: 10 }, ...options });
  doubles.set(store, double);
  return store;
};
const closeOnDouble = async (store: EventStore) => {
  await store.close();
  await doubles.get(store)!.stop();
};

eventStoreContract('EventStoreDB (test double)', () => openOnDouble(), closeOnDouble);
eventStoreContract(
  'EventStoreDB (test double as a server before 23.10: plain Append, no caughtUp)',
  () => openOnDouble({ batchAppend: false, caughtUp: false }),
  closeOnDouble,
);

// The same contract against a real server: eventstoredb-real-server.esdb-spec.ts (THADS_ESDB_TEST_URL).

const ev = (type: string, data: object = {}): EventData => ({
  id: randomUUID(),
  type,
  data: { ...data },
  metadata: {},
});

/**
 * `done` resolves once `count` events are seen, or after PATIENCE_MS (below jest's bound), so that
 * a lost event fails the assertion with a diff instead of timing out; 3 s was too short for a
 * resubscription on a loaded machine. `seen` keeps them all, in the order delivered.
 */
const recorder = (count: number) => {
  const seen: RecordedEvent[] = [];
  let reached!: () => void;
  const done = new Promise<void>((r) => {
    reached = r;
    setTimeout(r, PATIENCE_MS).unref();
  });
  return {
    seen,
    done,
    onEvent: (e: RecordedEvent) => {
      seen.push(e);
      if (seen.length === count) reached();
    },
  };
};

describe('EventStoreDB adapter on the test double', () => {
  let store: EventStoreDbEventStore;
  let double: EsdbDouble;
  const logged: string[] = [];
  beforeEach(async () => {
    logged.length = 0;
    store = await openOnDouble({}, { log: (line) => logged.push(line) });
    double = doubles.get(store)!;
  });
  afterEach(() => closeOnDouble(store));

  it('resubscribes after a dropped connection and delivers the following events exactly once, in order', async () => {
    const written = [ev('A'), ev('B'), ev('C')];
    await store.appendToStream('case-1', written, NO_STREAM);
    const errors: Error[] = [];
    let caughtUp!: () => void;
    const atHead = new Promise<void>((r) => (caughtUp = r));
    const rec = recorder(9);
    const sub = store.subscribeToAll({
      onEvent: rec.onEvent,
      onCaughtUp: () => caughtUp(),
      onError: (e) => errors.push(e),
    });
    await atHead;
    await waitFor(() => double.activeSubscriptions() === 1);

    expect(double.dropSubscriptions()).toBe(1);
    const later = [ev('D'), ev('E'), ev('F')];
    await store.appendToStream('case-1', later, 2n); // written while the subscription is down
    await waitFor(() => logged.length > 0 && double.activeSubscriptions() === 1); // noticed, and resubscribed
    const live = [ev('G'), ev('H'), ev('I')];
    await store.appendToStream('case-2', live, NO_STREAM);
    await rec.done;
    await sub.stop();

    expect(rec.seen.map((e) => e.id)).toEqual([...written, ...later, ...live].map((e) => e.id));
    expect(errors).toEqual([]); // healed: the port's onError means "over", which this is not
    expect(logged.some((line) => line.includes('dropped'))).toBe(true);
  });

  it('drops mid-burst with a filter, a slow handler and checkpoints, and still delivers each event once', async () => {
    const rec = recorder(150);
    let dropped = false;
    const sub = store.subscribeToAll({
      eventTypes: ['Wanted'],
      onEvent: async (e) => {
        rec.onEvent(e);
        if (rec.seen.length === 60 && !dropped) dropped = double.dropSubscriptions() === 1;
        await new Promise((r) => setTimeout(r, 1)); // slower than the server: events wait in the stream's buffer
      },
    });
    await waitFor(() => double.activeSubscriptions() === 1);
    const burst = Array.from({ length: 300 }, (_, i) => ev(i % 2 ? 'Other' : 'Wanted', { i }));
    await store.appendToStream('case-burst', burst, NO_STREAM);
    await rec.done;
    await sub.stop();

    expect(dropped).toBe(true);
    expect(rec.seen.map((e) => (e.data as { i: number }).i)).toEqual(
      burst.filter((e) => e.type === 'Wanted').map((e) => (e.data as { i: number }).i),
    );
  });

  it('stops and reports onError once when onEvent throws (the caller resubscribes from its checkpoint)', async () => {
    await store.appendToStream('case-1', [ev('A'), ev('B')], NO_STREAM);
    const errors: Error[] = [];
    const seen: string[] = [];
    const sub = store.subscribeToAll({
      onEvent: (e) => {
        seen.push(e.type);
        if (e.type === 'A') throw new Error('projection failed');
      },
      onError: (e) => errors.push(e),
    });
    await waitFor(() => errors.length > 0);
    await sub.stop();
    expect(errors.map((e) => e.message)).toEqual(['projection failed']);
    expect(seen).toEqual(['A']);
  });

  it('reads $all backwards from a position including the event there, as the port says (ESDB itself excludes it)', async () => {
    const a = await store.appendToStream('case-1', [ev('A')], NO_STREAM);
    const b = await store.appendToStream('case-1', [ev('B')], 0n);
    await store.appendToStream('case-1', [ev('C')], 1n);
    const back = await collect(store.readAll({ direction: 'backwards', fromPosition: b.position }));
    expect(back.map((e) => e.type)).toEqual(['B', 'A']);
    expect(back[1].position).toBe(a.position);
  });

  it('leaves system events out of $all, the head and subscriptions', async () => {
    await store.appendToStream('case-1', [ev('A')], NO_STREAM);
    double.appendSystemEvent('$statsCollected');
    expect((await collect(store.readAll())).map((e) => e.type)).toEqual(['A']);
    const [a] = await collect(store.readAll());
    expect(await store.headPosition()).toBe(a.position);
  });

  it('keeps any JSON value as data and metadata, null and falsy ones included', async () => {
    const odd: EventData[] = [null, 0, false, '', [1, 'x'], 'text'].map((value) => ({
      id: randomUUID(),
      type: 'Odd',
      data: value,
      metadata: value,
    }));
    await store.appendToStream('case-odd', odd, NO_STREAM);
    const read = await collect(store.readStream('case-odd'));
    expect(read.map((e) => [e.data, e.metadata])).toEqual(odd.map((e) => [e.data, e.metadata]));
  });
});

describe('EventStoreDB adapter lifecycle', () => {
  it('close() releases every socket and timer, so jest can exit', async () => {
    const double = await startEsdbDouble();
    const before = resources();
    const store = new EventStoreDbEventStore(double.connectionString);
    const sub = store.subscribeToAll({ onEvent: () => undefined });
    await store.appendToStream('case-1', [ev('A')], NO_STREAM); // opens the long-lived BatchAppend call
    await collect(store.readAll());
    await store.close(); // stops `sub` too
    await sub.stop();
    await waitFor(() => resources() <= before).catch(() => undefined);
    expect(resources()).toBeLessThanOrEqual(before); // checked with the server still up: only the client let go
    await double.stop();
  });
});

/** Sockets, servers and timers: what keeps a process alive. */
const resources = () => process.getActiveResourcesInfo().filter((r) => /TCP|Timeout|Immediate/.test(r)).length;

const waitFor = async (condition: () => boolean, timeoutMs = PATIENCE_MS) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('EventStoreDB adapter: an append that meets UNAVAILABLE', () => {
  let double: EsdbDouble;
  let store: EventStoreDbEventStore;
  beforeEach(async () => {
    double = await startEsdbDouble();
    store = new EventStoreDbEventStore(double.connectionString);
  });
  afterEach(async () => {
    await store.close();
    await double.stop();
  });

  it('is tried again and lands once, whether the server dropped it before or after storing it', async () => {
    await store.appendToStream('case-r', [ev('CaseReceived')], NO_STREAM);
    double.failAppends(1);
    const before = await store.appendToStream('case-r', [ev('A')], 0n);
    double.failAppends(1, { afterWrite: true });
    const after = await store.appendToStream('case-r', [ev('B')], 1n);
    expect([before.nextExpectedRevision, after.nextExpectedRevision]).toEqual([1n, 2n]);
    expect((await collect(store.readStream('case-r'))).map((e) => e.type)).toEqual(['CaseReceived', 'A', 'B']);
  });

  it('gives up after a few tries, so the API can answer 503', async () => {
    await store.appendToStream('case-g', [ev('CaseReceived')], NO_STREAM);
    double.failAppends(10);
    await expect(store.appendToStream('case-g', [ev('A')], 0n)).rejects.toThrow(/UNAVAILABLE/);
    expect(await collect(store.readStream('case-g'))).toHaveLength(1);
  });
});

/**
 * After a dropped connection, on a busy machine, the client sent a write on a BatchAppend call it
 * had already lost, and the append waited for ever (the projector-esdb-drop test hung for 180 s).
 */
describe('EventStoreDB adapter: an append the server never answers', () => {
  let double: EsdbDouble;
  let store: EventStoreDbEventStore;
  beforeEach(async () => {
    double = await startEsdbDouble();
    store = new EventStoreDbEventStore(double.connectionString, { appendAnswerMs: 300 });
  });
  afterEach(async () => {
    await store.close();
    await double.stop();
  });
  // Fails in a bounded time on an adapter that waits for ever, instead of at jest's bound.
  const within = <T>(promise: Promise<T>): Promise<T> =>
    Promise.race([
      promise,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no outcome within 20 s')), 20_000).unref()),
    ]);

  it('is sent again and lands once', async () => {
    await store.appendToStream('case-u', [ev('CaseReceived')], NO_STREAM);
    double.leaveAppendsUnanswered(1);
    const result = await within(store.appendToStream('case-u', [ev('A')], 0n));
    expect(result.nextExpectedRevision).toBe(1n);
    expect((await collect(store.readStream('case-u'))).map((e) => e.type)).toEqual(['CaseReceived', 'A']);
  });

  it('ends as a store-unavailable error (503) when no try is answered', async () => {
    await store.appendToStream('case-n', [ev('CaseReceived')], NO_STREAM);
    double.leaveAppendsUnanswered(10);
    const error = await within(store.appendToStream('case-n', [ev('A')], 0n)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppendUnanswered);
    expect(isStoreUnavailable(error)).toBe(true);
    expect(await collect(store.readStream('case-n'))).toHaveLength(1);
  });
});
