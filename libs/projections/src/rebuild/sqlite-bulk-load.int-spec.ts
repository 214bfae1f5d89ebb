import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from '../store/sqlite-read-store';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS moves (unit TEXT NOT NULL, day TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (unit, day)) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS cases (case_id TEXT PRIMARY KEY, unit TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS cases_unit ON cases (unit, case_id);
  CREATE TABLE IF NOT EXISTS kept (k TEXT PRIMARY KEY, v INTEGER NOT NULL) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS kept_v ON kept (v)`;

const MOVES = { table: 'moves', columns: ['unit', 'day', 'n'] };
const CASES = { table: 'cases', columns: ['case_id', 'unit'], key: ['case_id'] };
const KEPT = { table: 'kept', columns: ['k', 'v'] };

const indexes = (s: SqliteReadStore) =>
  s.db
    .prepare(`SELECT name FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`)
    .pluck()
    .all();
const temps = (s: SqliteReadStore) => s.db.prepare(`SELECT name FROM temp.sqlite_master`).pluck().all();

describe('SqliteReadStore bulk load', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'thads-bulk-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const opened = async () => {
    const store = new SqliteReadStore(join(dir, 'read.db'));
    await store.exec(SCHEMA);
    return store;
  };

  it('holds inserts into an empty clustered table back and copies them in at the end, every row once', async () => {
    const store = await opened();
    await store.write([{ ...KEPT, rows: [['a', 1]] }]);
    await store.bulkLoad(true, ['moves', 'cases', 'kept']);
    // Out of key order, in two batches, as cases come one after another.
    await store.write([
      {
        ...MOVES,
        rows: [
          ['u2', '2026-01-02', 1],
          ['u1', '2026-01-03', 2],
        ],
      },
      { ...CASES, rows: [['c2', 'u2']] },
    ]);
    await store.write([
      { ...MOVES, rows: [['u1', '2026-01-01', 3]] },
      {
        ...CASES,
        rows: [
          ['c1', 'u1'],
          ['c2', 'u1'],
        ],
      },
      { ...KEPT, rows: [['b', 2]] },
    ]);
    expect(await store.all('SELECT count(*) AS n FROM main.moves')).toEqual([{ n: 0n }]);
    // A table that held rows already, and keyed writes (upserts), go straight in.
    expect(await store.all('SELECT k FROM kept ORDER BY k')).toEqual([{ k: 'a' }, { k: 'b' }]);
    expect(await store.all('SELECT case_id, unit FROM cases ORDER BY case_id')).toEqual([
      { case_id: 'c1', unit: 'u1' },
      { case_id: 'c2', unit: 'u1' },
    ]);
    expect(indexes(store)).toEqual(['kept_v']);

    await store.bulkLoad(false);
    expect(await store.all('SELECT unit, day, n FROM moves')).toEqual([
      { unit: 'u1', day: '2026-01-01', n: 3n },
      { unit: 'u1', day: '2026-01-03', n: 2n },
      { unit: 'u2', day: '2026-01-02', n: 1n },
    ]);
    expect(indexes(store)).toEqual(['cases_unit', 'kept_v']);
    expect(temps(store)).toEqual([]);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await store.close();
  });

  it('leaves tables it is not told it fills alone', async () => {
    const store = await opened();
    await store.bulkLoad(true, ['cases']);
    await store.write([{ ...MOVES, rows: [['u1', '2026-01-01', 1]] }]);
    expect(await store.all('SELECT count(*) AS n FROM moves')).toEqual([{ n: 1n }]);
    expect(indexes(store)).toEqual(['kept_v']);
    await store.bulkLoad(false);
    expect(indexes(store)).toEqual(['cases_unit', 'kept_v']);
    await store.close();
  });

  it('leaves nothing held back in the file when the process dies part-way; the schema brings the indexes back', async () => {
    const store = await opened();
    await store.bulkLoad(true, ['moves', 'cases']);
    await store.write([{ ...MOVES, rows: [['u1', '2026-01-01', 1]] }]);
    store.db.close();

    const again = await opened();
    expect(await again.all('SELECT count(*) AS n FROM moves')).toEqual([{ n: 0n }]);
    expect(temps(again)).toEqual([]);
    expect(indexes(again)).toEqual(['cases_unit', 'kept_v']);
    await again.close();
  });
});
