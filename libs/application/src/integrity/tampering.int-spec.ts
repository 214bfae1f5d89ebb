import { CaseCommand, StepData, StepName } from '@thads/domain';
import { RawLogReader, recordedOf, SqliteEventStore } from '@thads/event-store';
import { CaseWritePath } from '../case-write-path';
import { ChainVerifier } from './chain-verifier';
import { verifyAll, verifyStream } from './verify-log';
import { verifyInRanges, verifyRange, verifyStoredRange } from './verify-ranges';

const STEPS: Array<[StepName, string, Partial<StepData[StepName]>]> = [
  ['decide', '2025-02-03', {}],
  ['assign', '2025-02-04', { enforcerId: 'chv-07' }],
  ['notify', '2025-02-05', {}],
  ['verify', '2025-02-25', {}],
  ['classify', '2025-02-27', { class: 'withConditions' }],
  ['seize', '2025-03-10', {}],
  ['value', '2025-03-14', {}],
  ['collect', '2025-03-20', { amount: '1000000' }],
];

/** A case of 9 events (revisions 0–8) written through the real write path, so hashes are real. */
const writeCase = async (store: SqliteEventStore, caseId: string) => {
  const path = new CaseWritePath(store);
  const context = () => ({
    actor: { id: 'chv-07', role: 'enforcer' as const, unitId: 'kg-pq' },
    recordedAt: new Date('2026-01-10T03:00:00Z'),
    commandId: 'c',
    correlationId: 'c',
  });
  await path.execute(
    {
      kind: 'receive',
      caseId,
      on: '2025-01-24',
      today: '2026-01-10',
      data: {
        unitId: 'kg-pq',
        origin: 'onRequest',
        judgment: { court: 'TAND', number: '45/2024/DS-ST', date: '2024-12-10' },
        creditor: { name: 'A' },
        debtor: { name: 'B' },
        amountDue: '228188311000',
      },
    },
    context(),
  );
  for (const [step, on, data] of STEPS)
    await path.execute({ kind: 'step', caseId, step, on, today: '2026-01-10', data } as CaseCommand, context());
};

describe('verifying the hash chain of a log tampered with directly in SQLite', () => {
  let store: SqliteEventStore;
  const sql = (text: string, ...params: unknown[]) => store.db.prepare(text).run(...params);
  // Every way of reading the log must agree: one stream, `$all` in one pass, `$all` in ranges
  // (small ones here, so streams straddle them) checked side by side and stitched, whether the
  // ranges are read as events or as stored text (as `thads verify --all` reads SQLite).
  const both = async () => {
    const all = await verifyAll(store);
    const log = new RawLogReader(store.db);
    for (const rangeSize of [1, 3, 7]) {
      const ranged = await verifyInRanges((await store.headPosition())!, (from, to) => verifyRange(store, from, to), {
        rangeSize,
        concurrency: 2,
      });
      expect(ranged).toEqual(all);
      const stored = await verifyInRanges(
        (await store.headPosition())!,
        async (from, to) => verifyStoredRange(log, from, to),
        { rangeSize, concurrency: 2 },
      );
      expect(stored).toEqual(all);
    }
    return { stream: await verifyStream(store, 'case-t-1'), all };
  };

  beforeEach(async () => {
    store = new SqliteEventStore(':memory:');
    await writeCase(store, 't-1');
    await writeCase(store, 'ok-1');
  });
  afterEach(() => store.close());

  it('finds an untouched log clean', async () => {
    const { stream, all } = await both();
    expect(stream).toEqual({ streamId: 'case-t-1', valid: true, checked: 9 });
    expect(all).toMatchObject({ valid: true, checked: 18, streams: 2, brokenStreams: 0, broken: [] });
    // What the write path stores is canonical text: every event is checked without parsing it.
    const verifier = new ChainVerifier();
    for (const page of new RawLogReader(store.db).pages(0n, 100n))
      for (const row of page) verifier.checkStored(row, recordedOf);
    expect({ checked: verifier.checked, fastChecked: verifier.fastChecked }).toEqual({ checked: 18, fastChecked: 18 });
  });

  it('pinpoints an edited payload: hash-mismatch at its revision', async () => {
    sql(`UPDATE events SET data = json_set(data, '$.amount', '9000000') WHERE stream_id = 'case-t-1' AND revision = 8`);
    const { stream, all } = await both();
    expect(stream).toMatchObject({ valid: false, checked: 9, firstBroken: { revision: 8, reason: 'hash-mismatch' } });
    expect(all).toMatchObject({
      valid: false,
      brokenStreams: 1,
      firstBroken: { streamId: 'case-t-1', revision: 8, reason: 'hash-mismatch' },
    });
  });

  it('pinpoints edited metadata (who or when) the same way', async () => {
    sql(
      `UPDATE events SET metadata = json_set(metadata, '$.actor.id', 'someone-else') WHERE stream_id = 'case-t-1' AND revision = 2`,
    );
    expect((await both()).stream.firstBroken).toMatchObject({ revision: 2, reason: 'hash-mismatch' });
  });

  it('pinpoints two events swapped by editing their revisions: prev-hash-mismatch at the first', async () => {
    sql(`UPDATE events SET revision = -1 WHERE stream_id = 'case-t-1' AND revision = 3`);
    sql(`UPDATE events SET revision = 3 WHERE stream_id = 'case-t-1' AND revision = 4`);
    sql(`UPDATE events SET revision = 4 WHERE stream_id = 'case-t-1' AND revision = -1`);
    const { stream, all } = await both();
    expect(stream.firstBroken).toMatchObject({ revision: 3, reason: 'prev-hash-mismatch' });
    expect(all.firstBroken).toMatchObject({ streamId: 'case-t-1', revision: 3, reason: 'prev-hash-mismatch' });
  });

  it('pinpoints a deleted event: revision-gap at the missing revision', async () => {
    sql(`DELETE FROM events WHERE stream_id = 'case-t-1' AND revision = 5`);
    const { stream, all } = await both();
    expect(stream).toMatchObject({
      valid: false,
      checked: 8,
      firstBroken: { revision: 5, reason: 'revision-gap', expected: '5', actual: '6' },
    });
    expect(all.firstBroken).toMatchObject({ streamId: 'case-t-1', revision: 5, reason: 'revision-gap' });
  });

  it('pinpoints a deleted event hidden by renumbering the rest: prev-hash-mismatch where it was', async () => {
    sql(`DELETE FROM events WHERE stream_id = 'case-t-1' AND revision = 5`);
    for (const r of [6, 7, 8])
      sql(`UPDATE events SET revision = ? WHERE stream_id = 'case-t-1' AND revision = ?`, r - 1, r);
    const { stream, all } = await both();
    expect(stream.firstBroken).toMatchObject({ revision: 5, reason: 'prev-hash-mismatch' });
    expect(all.firstBroken).toMatchObject({ revision: 5, reason: 'prev-hash-mismatch' });
  });

  it('verifies events stored before keys were sorted (parsed, not hashed as text), and pinpoints an edit among them', async () => {
    const rows = store.db.prepare('SELECT position, data, metadata FROM events').all() as Array<{
      position: number;
      data: string;
      metadata: string;
    }>;
    const reversed = (text: string): string => {
      const value = JSON.parse(text) as unknown;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return text;
      return `{${Object.entries(value)
        .reverse()
        .map(([k, v]) => `${JSON.stringify(k)}:${reversed(JSON.stringify(v))}`)
        .join(',')}}`;
    };
    for (const r of rows)
      sql(
        'UPDATE events SET data = ?, metadata = ? WHERE position = ?',
        reversed(r.data),
        reversed(r.metadata),
        r.position,
      );
    expect(await both()).toMatchObject({ stream: { valid: true, checked: 9 }, all: { valid: true, checked: 18 } });
    sql(`UPDATE events SET data = json_set(data, '$.amount', '9000000') WHERE stream_id = 'case-t-1' AND revision = 8`);
    expect((await both()).all.firstBroken).toMatchObject({
      streamId: 'case-t-1',
      revision: 8,
      reason: 'hash-mismatch',
    });
  });

  it('reports every broken stream once, and leaves the untouched one clean', async () => {
    sql(`UPDATE events SET data = json_set(data, '$.note', 'x') WHERE stream_id = 'case-t-1' AND revision IN (1, 2)`);
    const { all } = await both();
    expect(all.broken).toEqual([expect.objectContaining({ streamId: 'case-t-1', revision: 1 })]);
    expect((await verifyStream(store, 'case-ok-1')).valid).toBe(true);
  });
});
