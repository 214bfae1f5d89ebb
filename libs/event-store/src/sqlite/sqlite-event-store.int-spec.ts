import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, NO_STREAM, WrongExpectedRevision } from '../event-store';
import { openDatabase } from './open-database';
import { SQLITE_EVENT_SCHEMA } from './schema';
import { eventStoreContract } from '../testing/event-store-contract';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'thads-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

eventStoreContract('SQLite', async () => new SqliteEventStore(join(dir, `${randomUUID()}.db`), { pollMs: 20 }));

describe('SQLite event store durability', () => {
  it('keeps every acknowledged event across a reopen of the file', async () => {
    const file = join(dir, 'durable.db');
    const first = new SqliteEventStore(file);
    for (let i = 0; i < 50; i++)
      await first.appendToStream(`case-${i}`, [{ id: randomUUID(), type: 'T', data: { i }, metadata: {} }], NO_STREAM);
    await first.close();
    const reopened = new SqliteEventStore(file);
    const all = await collect(reopened.readAll());
    expect(all.map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    await reopened.close();
  });

  it('sees appends made by another connection to the same file (another process, e.g. thads import)', async () => {
    const file = join(dir, 'shared.db');
    const api = new SqliteEventStore(file, { pollMs: 10 });
    const cli = new SqliteEventStore(file);
    let received!: (type: string) => void;
    const got = new Promise<string>((r) => (received = r));
    const sub = api.subscribeToAll({ onEvent: (e) => received(e.type) });
    await cli.appendToStream('case-x', [{ id: randomUUID(), type: 'FromCli', data: {}, metadata: {} }], NO_STREAM);
    expect(await got).toBe('FromCli');
    await sub.stop();
    await api.close();
    await cli.close();
  });

  it('refuses one append that holds the same event id twice, and writes nothing of it', async () => {
    const store = new SqliteEventStore(join(dir, `${randomUUID()}.db`));
    const e = { id: randomUUID(), type: 'T', data: {}, metadata: {} };
    await expect(store.appendToStream('case-twice', [e, e], NO_STREAM)).rejects.toThrow(
      'the same event id appears twice',
    );
    expect(await collect(store.readAll())).toHaveLength(0);
    await store.close();
  });

  it('appends in batches larger than one insert statement, numbered without a gap', async () => {
    const store = new SqliteEventStore(join(dir, `${randomUUID()}.db`));
    const events = Array.from({ length: 250 }, (_, i) => ({ id: randomUUID(), type: 'T', data: { i }, metadata: {} }));
    const result = await store.appendToStream('case-big', events, NO_STREAM);
    const read = await collect(store.readStream('case-big'));
    expect(result.nextExpectedRevision).toBe(249n);
    expect(read.map((e) => Number(e.revision))).toEqual(events.map((_, i) => i));
    expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(read[249].position).toBe(result.position);
    await store.close();
  });
});

describe('SQLite event store: the ids of a stream this connection knows (stream-ids.ts)', () => {
  const ev = (type: string) => ({ id: randomUUID(), type, data: {}, metadata: {} });

  it('finds an id appended by another connection since', async () => {
    const file = join(dir, 'known-ids.db');
    const mine = new SqliteEventStore(file);
    const other = new SqliteEventStore(file);
    await mine.appendToStream('case-k', [ev('A')], NO_STREAM);
    const theirs = [ev('B')];
    const first = await other.appendToStream('case-k', theirs, 0n);
    await mine.appendToStream('case-k', [ev('C')], 1n);
    expect(await mine.appendToStream('case-k', theirs, 2n)).toEqual({ ...first, alreadyStored: true });
    expect((await collect(mine.readStream('case-k'))).map((e) => e.type)).toEqual(['A', 'B', 'C']);
    await mine.close();
    await other.close();
  });

  it('learns nothing from a transaction that rolled back', async () => {
    const store = new SqliteEventStore(join(dir, 'rolled-back.db'));
    await store.appendToStream('case-r', [ev('A')], NO_STREAM);
    const lost = [ev('B')];
    // The second write fails, so the first is not stored either.
    await expect(
      store.appendMany([
        { streamId: 'case-r', events: lost, expected: 0n },
        { streamId: 'case-other', events: [ev('X')], expected: 5n },
      ]),
    ).rejects.toBeInstanceOf(WrongExpectedRevision);
    const again = await store.appendToStream('case-r', lost, 0n);
    expect(again.alreadyStored).toBeUndefined();
    expect((await collect(store.readStream('case-r'))).map((e) => e.type)).toEqual(['A', 'B']);
    await store.close();
  });
});

describe('SQLite event store on a file created with the earlier schema', () => {
  // Files from before event ids became per-stream keys have a unique index on them and AUTOINCREMENT.
  const legacy = SQLITE_EVENT_SCHEMA.replace(
    'position   INTEGER PRIMARY KEY,',
    'position   INTEGER PRIMARY KEY AUTOINCREMENT,',
  ).replace('id         TEXT    NOT NULL,', 'id         TEXT    NOT NULL UNIQUE,');

  it('still appends, retries idempotently, and answers an id taken by another stream with a conflict', async () => {
    expect(legacy).not.toBe(SQLITE_EVENT_SCHEMA);
    const file = join(dir, `${randomUUID()}.db`);
    const db = openDatabase(file);
    db.exec(legacy);
    db.close();
    const store = new SqliteEventStore(file);
    const a = { id: randomUUID(), type: 'A', data: {}, metadata: {} };
    const first = await store.appendToStream('case-1', [a], NO_STREAM);
    expect(await store.appendToStream('case-1', [a], NO_STREAM)).toEqual({ ...first, alreadyStored: true });
    await expect(store.appendToStream('case-2', [a], NO_STREAM)).rejects.toBeInstanceOf(WrongExpectedRevision);
    expect(await collect(store.readAll())).toHaveLength(1);
    await store.close();
  });

  it('reads streams one after the other, whole or with only the metadata fields asked for', async () => {
    const store = new SqliteEventStore(join(dir, `${randomUUID()}.db`));
    const meta = (on: string) => ({ on, recordedAt: `${on}T01:00:00.000Z`, actor: { id: 'a' }, hash: 'h'.repeat(64) });
    await store.appendToStream(
      'case-b',
      [{ id: randomUUID(), type: 'T', data: { n: 1 }, metadata: meta('2025-01-02') }],
      NO_STREAM,
    );
    await store.appendToStream(
      'unit-u',
      [{ id: randomUUID(), type: 'U', data: {}, metadata: meta('2025-01-01') }],
      NO_STREAM,
    );
    await store.appendToStream(
      'case-a',
      [{ id: randomUUID(), type: 'T', data: { n: 2 }, metadata: meta('2025-01-03') }],
      NO_STREAM,
    );
    await store.appendToStream(
      'case-b',
      [{ id: randomUUID(), type: 'T', data: { n: 3 }, metadata: { on: '2025-01-04' } }],
      0n,
    );
    const whole = await collect(store.readStreams({ prefix: 'case-', upTo: 4n }));
    expect(whole.map((e) => [e.streamId, Number(e.revision), (e.data as { n: number }).n])).toEqual([
      ['case-a', 0, 2],
      ['case-b', 0, 1],
      ['case-b', 1, 3],
    ]);
    expect(whole[0].metadata).toEqual(meta('2025-01-03'));
    const dates = await collect(store.readStreams({ prefix: 'case-', upTo: 3n, metadataFields: ['on', 'recordedAt'] }));
    // Up to position 3: case-b's second event is left out.
    expect(dates.map((e) => e.metadata)).toEqual([
      { on: '2025-01-03', recordedAt: '2025-01-03T01:00:00.000Z' },
      { on: '2025-01-02', recordedAt: '2025-01-02T01:00:00.000Z' },
    ]);
    // From case-b on; a field the metadata lacks is left out of it.
    const last = await collect(
      store.readStreams({ prefix: 'case-', upTo: 4n, from: 'case-b', metadataFields: ['on', 'recordedAt'] }),
    );
    expect(last.map((e) => e.metadata)).toEqual([
      { on: '2025-01-02', recordedAt: '2025-01-02T01:00:00.000Z' },
      { on: '2025-01-04' },
    ]);
    expect(
      (await collect(store.readStreams({ prefix: 'case-', upTo: 1n, metadataFields: [] }))).map((e) => e.metadata),
    ).toEqual([{}]);
    await expect(
      collect(store.readStreams({ prefix: 'case-', upTo: 4n, metadataFields: ["on') --"] })),
    ).rejects.toThrow('a plain name is expected');
    await store.close();
  });
});
