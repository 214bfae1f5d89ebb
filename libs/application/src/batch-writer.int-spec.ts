import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AppendResult,
  collect,
  RecordedEvent,
  SqliteAppendThread,
  SqliteEventStore,
  StreamWrite,
  WrongExpectedRevision,
} from '@thads/event-store';
import { demoLines } from './demo/demo-scenario';
import { ImportRunner } from './import/import-runner';
import { UnitRegistry } from './unit-registry';
import { Appender } from './batch-writer';

const register = join(__dirname, '../../../scripts/ts-register.js');
const worker = join(__dirname, '../../event-store/src/sqlite/append-worker.ts');
/** The TypeScript worker, loaded through the same swc hook as the tests' child processes. */
const appendThread = (file: string) =>
  new SqliteAppendThread(file, {
    evalCode: `require(${JSON.stringify(register)}); require(${JSON.stringify(worker)});`,
  });

const now = new Date('2026-11-22T03:00:00.000Z');
const actor = { id: 'demo', role: 'system' as const, unitId: 'vn' };
const lines = [...demoLines('2026-11-22', { cases: 120, seed: 3 })];

/** Every event as the log holds it, without the position (which depends on interleaving). */
const logOf = async (store: SqliteEventStore) =>
  (await collect(store.readAll())).map((e: RecordedEvent) => ({
    streamId: e.streamId,
    revision: e.revision,
    type: e.type,
    data: e.data,
    on: (e.metadata as { on: string }).on,
  }));

const importInto = async (
  file: string,
  appender?: (store: SqliteEventStore) => Appender & { close?(): Promise<void> },
) => {
  const store = new SqliteEventStore(file);
  const through = appender?.(store);
  const summary = await new ImportRunner(store, new UnitRegistry(store), { now: () => now }, actor, {
    batchSize: 150,
    appender: through,
  }).run(
    (async function* () {
      yield* lines;
    })(),
  );
  await through?.close?.();
  return { store, summary };
};

describe('bulk import with batches appended while the next is decided', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'thads-batches-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes through a worker thread the same log as appending on the main thread', async () => {
    const plain = await importInto(join(dir, 'plain.db'));
    const threaded = await importInto(join(dir, 'threaded.db'), (store) => appendThread(store.file));
    expect(threaded.summary).toEqual(plain.summary);
    expect(threaded.summary.rejected).toEqual([]);
    expect(await logOf(threaded.store)).toEqual(await logOf(plain.store));
    await plain.store.close();
    await threaded.store.close();
  });

  it('reports a conflict from the worker thread as WrongExpectedRevision, and appends nothing of the batch', async () => {
    const store = new SqliteEventStore(join(dir, 'conflict.db'));
    const thread = appendThread(store.file);
    const event = (id: string) => ({ id, type: 'Noted', data: {}, metadata: {} });
    await thread.appendMany([
      { streamId: 's-1', events: [event('00000000-0000-4000-8000-000000000001')], expected: 'no_stream' },
    ]);
    const stale = thread.appendMany([
      { streamId: 's-2', events: [event('00000000-0000-4000-8000-000000000002')], expected: 'no_stream' },
      { streamId: 's-1', events: [event('00000000-0000-4000-8000-000000000003')], expected: 'no_stream' },
    ]);
    await expect(stale).rejects.toBeInstanceOf(WrongExpectedRevision);
    await expect(stale).rejects.toMatchObject({ streamId: 's-1', expected: 'no_stream', actual: 0n });
    expect((await collect(store.readAll())).map((e) => e.streamId)).toEqual(['s-1']);
    await thread.close();
    await store.close();
  });

  it('replays one by one the batch that lost a race and the batch decided after it: no line lost, no gap', async () => {
    const expected = await importInto(join(dir, 'undisturbed.db'));
    let batches = 0;
    // Another writer appends to a case of the third batch just before it lands.
    const racing = (store: SqliteEventStore): Appender => ({
      appendMany: async (writes: StreamWrite[]): Promise<AppendResult[]> => {
        if (++batches === 3) {
          const target = writes.find((w) => typeof w.expected === 'bigint')!;
          const [last] = await collect(store.readStream(target.streamId, { direction: 'backwards', maxCount: 1 }));
          await store.appendToStream(
            target.streamId,
            [{ id: '00000000-0000-4000-8000-0000000000ff', type: 'Noted', data: {}, metadata: {} }],
            last.revision,
          );
        }
        await new Promise((r) => setTimeout(r, 5)); // landing takes a while: the next batch is decided meanwhile
        return store.appendMany(writes);
      },
    });
    const raced = await importInto(join(dir, 'raced.db'), racing);
    expect(batches).toBeGreaterThan(4);
    expect(raced.summary.lines).toBe(expected.summary.lines);
    expect(raced.summary.applied + raced.summary.rejected.length).toBe(raced.summary.lines);
    // The foreign event is one more in one stream; every other event of the undisturbed log is there.
    const log = await logOf(raced.store);
    expect(log.filter((e) => e.type === 'Noted')).toHaveLength(1);
    const byStream = new Map<string, bigint[]>();
    for (const e of log) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.revision]);
    for (const revisions of byStream.values()) expect(revisions).toEqual(revisions.map((_, i) => BigInt(i)));
    const key = (e: { streamId: string; type: string; on: string }) => `${e.streamId} ${e.type} ${e.on}`;
    const raced_ = new Set(log.map(key));
    const missing = (await logOf(expected.store)).filter((e) => !raced_.has(key(e)));
    // The foreign event changes nothing the decider knows: every command is decided again and lands.
    expect(missing).toEqual([]);
    expect(raced.summary.rejected).toEqual([]);
    expect(log).toHaveLength((await logOf(expected.store)).length + 1);
    await expected.store.close();
    await raced.store.close();
  });
});
