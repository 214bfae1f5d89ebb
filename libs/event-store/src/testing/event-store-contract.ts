import { randomUUID } from 'node:crypto';
import {
  ANY,
  collect,
  EventData,
  EventStore,
  NO_STREAM,
  RecordedEvent,
  STREAM_EXISTS,
  WrongExpectedRevision,
} from '../event-store';

/**
 * The behaviour every adapter must show, written once (docs/architecture.md §2). Each adapter's
 * *.int-spec.ts calls this with a factory that returns a fresh, empty store.
 */
export const eventStoreContract = (
  name: string,
  open: () => Promise<EventStore>,
  close?: (store: EventStore) => Promise<void>,
) => {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let stream: string;
    beforeEach(async () => {
      store = await open();
      stream = `case-${randomUUID()}`;
    });
    afterEach(async () => (close ? close(store) : store.close()));

    const ev = (type = 'CaseReceived', data: object = { n: 1 }): EventData => ({
      id: randomUUID(),
      type,
      data: { ...data },
      metadata: { on: '2025-01-02' },
    });
    const types = (events: RecordedEvent[]) => events.map((e) => e.type);

    describe('appending', () => {
      it('creates a stream at revision 0 with a global position', async () => {
        const result = await store.appendToStream(stream, [ev()], NO_STREAM);
        expect(result.nextExpectedRevision).toBe(0n);
        expect(result.position).toBeGreaterThan(0n);
        expect(await store.streamRevision(stream)).toBe(0n);
      });

      it('numbers a batch consecutively and returns the last revision', async () => {
        const result = await store.appendToStream(stream, [ev('A'), ev('B'), ev('C')], NO_STREAM);
        expect(result.nextExpectedRevision).toBe(2n);
        const read = await collect(store.readStream(stream));
        expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(read[2].position).toBe(result.position);
      });

      it('refuses no_stream on an existing stream, telling the actual revision', async () => {
        await store.appendToStream(stream, [ev()], NO_STREAM);
        const error = await store.appendToStream(stream, [ev()], NO_STREAM).catch((e) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevision);
        expect(error.actual).toBe(0n);
      });

      it('refuses stream_exists on a missing stream', async () => {
        const error = await store.appendToStream(stream, [ev()], STREAM_EXISTS).catch((e) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevision);
        expect(error.actual).toBe(NO_STREAM);
      });

      it('accepts stream_exists and an exact revision; refuses a stale one', async () => {
        await store.appendToStream(stream, [ev()], NO_STREAM);
        await store.appendToStream(stream, [ev('B')], STREAM_EXISTS);
        await store.appendToStream(stream, [ev('C')], 1n);
        const error = await store.appendToStream(stream, [ev('D')], 1n).catch((e) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevision);
        expect(error.actual).toBe(2n);
        expect(types(await collect(store.readStream(stream)))).toEqual(['CaseReceived', 'B', 'C']);
      });

      it('accepts any', async () => {
        await store.appendToStream(stream, [ev()], ANY);
        await store.appendToStream(stream, [ev()], ANY);
        expect(await store.streamRevision(stream)).toBe(1n);
      });

      it('is idempotent by event id: the same events again return the first result and write nothing', async () => {
        const events = [ev('A'), ev('B')];
        const first = await store.appendToStream(stream, events, NO_STREAM);
        const again = await store.appendToStream(stream, events, NO_STREAM);
        expect(first.alreadyStored).toBeUndefined();
        expect(again).toEqual({ ...first, alreadyStored: true });
        expect(await collect(store.readStream(stream))).toHaveLength(2);
      });

      it('takes a retry with an exact revision, or with any, after later appends as the first result', async () => {
        await store.appendToStream(stream, [ev()], NO_STREAM);
        const events = [ev('A'), ev('B')];
        const first = await store.appendToStream(stream, events, 0n);
        await store.appendToStream(stream, [ev('C')], 2n);
        expect(await store.appendToStream(stream, events, 0n)).toEqual({ ...first, alreadyStored: true });
        expect(await store.appendToStream(stream, events, ANY)).toEqual({ ...first, alreadyStored: true });
        expect(types(await collect(store.readStream(stream)))).toEqual(['CaseReceived', 'A', 'B', 'C']);
      });

      it('treats an event id as an idempotency key in its stream, whatever revision the repeat expects', async () => {
        await store.appendToStream(stream, [ev()], NO_STREAM);
        const events = [ev('A'), ev('B')];
        const first = await store.appendToStream(stream, events, 0n);
        const later = await store.appendToStream(stream, [ev('C')], 2n);
        // The revision the stream is at now (a re-import decides on the stream as it stands), a
        // new stream, an existing one: each is answered with the stored events, and appends nothing.
        for (const expected of [later.nextExpectedRevision, NO_STREAM, STREAM_EXISTS, 1n] as const) {
          expect(await store.appendToStream(stream, events, expected)).toEqual({ ...first, alreadyStored: true });
        }
        const [repeat, fresh] = await store.appendMany([
          { streamId: stream, events: events.slice(0, 1), expected: later.nextExpectedRevision },
          { streamId: stream, events: [ev('D')], expected: later.nextExpectedRevision },
        ]);
        expect(repeat).toMatchObject({ nextExpectedRevision: 1n, alreadyStored: true });
        expect(fresh.alreadyStored).toBeUndefined();
        expect(types(await collect(store.readStream(stream)))).toEqual(['CaseReceived', 'A', 'B', 'C', 'D']);
      });

      it('refuses a stale revision when only some of the events are stored', async () => {
        await store.appendToStream(stream, [ev()], NO_STREAM);
        const a = ev('A');
        await store.appendToStream(stream, [a], 0n);
        const error = await store.appendToStream(stream, [a, ev('B')], 0n).catch((e) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevision);
        expect(error.actual).toBe(1n);
        expect(types(await collect(store.readStream(stream)))).toEqual(['CaseReceived', 'A']);
      });

      it('lets exactly one of many concurrent writers at the same revision win', async () => {
        await store.appendToStream(stream, [ev()], NO_STREAM);
        const outcomes = await Promise.allSettled(
          Array.from({ length: 10 }, () => store.appendToStream(stream, [ev('X')], 0n)),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(rejected.every((o) => o.reason instanceof WrongExpectedRevision)).toBe(true);
        expect((await collect(store.readStream(stream))).map((e) => e.revision)).toEqual([0n, 1n]);
      });

      // Concurrent appends may be committed together (group commit): each keeps its own outcome.
      it('fails only the conflicting one of many concurrent appends to different streams', async () => {
        const others = Array.from({ length: 8 }, () => `case-${randomUUID()}`);
        await store.appendToStream(stream, [ev()], NO_STREAM);
        const [stale, ...fresh] = await Promise.allSettled([
          store.appendToStream(stream, [ev('Stale')], NO_STREAM),
          ...others.map((s) => store.appendToStream(s, [ev('Fresh')], NO_STREAM)),
          store.appendMany([
            { streamId: `case-${randomUUID()}`, events: [ev('Pair')], expected: NO_STREAM },
            { streamId: stream, events: [ev('Late')], expected: 5n },
          ]),
        ]);
        expect(stale.status === 'rejected' && stale.reason).toBeInstanceOf(WrongExpectedRevision);
        const pair = fresh.pop()!;
        expect(pair.status === 'rejected' && pair.reason).toBeInstanceOf(WrongExpectedRevision);
        expect(fresh.map((o) => o.status)).toEqual(others.map(() => 'fulfilled'));
        for (const s of others) expect(types(await collect(store.readStream(s)))).toEqual(['Fresh']);
        expect(types(await collect(store.readStream(stream)))).toEqual(['CaseReceived']);
      });

      it('appends several streams at once', async () => {
        const other = `case-${randomUUID()}`;
        const results = await store.appendMany([
          { streamId: stream, events: [ev('A')], expected: NO_STREAM },
          { streamId: other, events: [ev('B'), ev('C')], expected: NO_STREAM },
        ]);
        expect(results.map((r) => r.nextExpectedRevision)).toEqual([0n, 1n]);
        expect(results[1].position).toBeGreaterThan(results[0].position);
      });
    });

    describe('reading a stream', () => {
      beforeEach(async () => {
        await store.appendToStream(
          stream,
          ['A', 'B', 'C', 'D', 'E'].map((t) => ev(t)),
          NO_STREAM,
        );
      });
      it('reads forwards and backwards', async () => {
        expect(types(await collect(store.readStream(stream)))).toEqual(['A', 'B', 'C', 'D', 'E']);
        expect(types(await collect(store.readStream(stream, { direction: 'backwards' })))).toEqual([
          'E',
          'D',
          'C',
          'B',
          'A',
        ]);
      });
      it('reads from a revision, at most maxCount', async () => {
        expect(types(await collect(store.readStream(stream, { fromRevision: 1n, maxCount: 2 })))).toEqual(['B', 'C']);
        expect(
          types(await collect(store.readStream(stream, { direction: 'backwards', fromRevision: 3n, maxCount: 2 }))),
        ).toEqual(['D', 'C']);
      });
      it('keeps data and metadata as written', async () => {
        const [first] = await collect(store.readStream(stream, { maxCount: 1 }));
        expect(first.data).toEqual({ n: 1 });
        expect(first.metadata).toEqual({ on: '2025-01-02' });
        expect(first.streamId).toBe(stream);
      });
      it('reads a missing stream as empty', async () => {
        expect(await collect(store.readStream(`case-${randomUUID()}`))).toEqual([]);
        expect(await store.streamRevision(`case-${randomUUID()}`)).toBe(NO_STREAM);
      });
      it('pages through a stream longer than one page', async () => {
        const long = `case-${randomUUID()}`;
        await store.appendToStream(
          long,
          Array.from({ length: 1203 }, () => ev('P')),
          NO_STREAM,
        );
        const read = await collect(store.readStream(long));
        expect(read).toHaveLength(1203);
        expect(read[1202].revision).toBe(1202n);
      });
    });

    describe('reading $all', () => {
      it('interleaves streams in global order, from a position, both ways', async () => {
        const other = `case-${randomUUID()}`;
        const a = await store.appendToStream(stream, [ev('A1')], NO_STREAM);
        await store.appendToStream(other, [ev('B1')], NO_STREAM);
        await store.appendToStream(stream, [ev('A2')], 0n);
        const mine = (events: RecordedEvent[]) =>
          types(events.filter((e) => e.streamId === stream || e.streamId === other));
        expect(mine(await collect(store.readAll({ fromPosition: a.position })))).toEqual(['A1', 'B1', 'A2']);
        const back = await collect(store.readAll({ direction: 'backwards', maxCount: 3 }));
        expect(types(back)).toEqual(['A2', 'B1', 'A1']);
        const all = await collect(store.readAll());
        const positions = all.map((e) => e.position);
        expect([...positions].sort((x, y) => (x < y ? -1 : 1))).toEqual(positions);
        expect(new Set(positions).size).toBe(positions.length);
        expect(await store.headPosition()).toBe(positions[positions.length - 1]);
      });
    });

    describe('subscribing to $all', () => {
      it('catches up, reports it, then delivers live events in order', async () => {
        const first = await store.appendToStream(stream, [ev('A'), ev('B')], NO_STREAM);
        const seen: string[] = [];
        let caughtUp!: () => void;
        const isCaughtUp = new Promise<void>((r) => (caughtUp = r));
        let gotLive!: () => void;
        const live = new Promise<void>((r) => (gotLive = r));
        const sub = store.subscribeToAll({
          onEvent: (e) => {
            if (e.streamId !== stream) return;
            seen.push(e.type);
            if (e.type === 'D') gotLive();
          },
          onCaughtUp: () => caughtUp(),
        });
        await isCaughtUp;
        expect(seen).toEqual(['A', 'B']);
        await store.appendToStream(stream, [ev('C'), ev('D')], first.nextExpectedRevision);
        await live;
        await sub.stop();
        expect(seen).toEqual(['A', 'B', 'C', 'D']);
      });

      it('starts after a position (exclusive) and filters by event type', async () => {
        const a = await store.appendToStream(stream, [ev('A')], NO_STREAM);
        await store.appendToStream(stream, [ev('Skip'), ev('B')], 0n);
        const seen: string[] = [];
        let done!: () => void;
        const finished = new Promise<void>((r) => (done = r));
        const sub = store.subscribeToAll({
          after: a.position,
          eventTypes: ['A', 'B'],
          onEvent: (e) => {
            seen.push(e.type);
            if (e.type === 'B') done();
          },
        });
        await finished;
        await sub.stop();
        expect(seen).toEqual(['B']);
      });
    });
  });
};
