import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AnchorKey, AnchorWriter, chainHash, verifyAll, verifyWithAnchors } from '@thads/application';
import { EventStore, openEventStore } from '@thads/event-store';
import { writeTestCase } from '../../libs/application/src/integrity/anchors/testing/test-case';
import { describePostgres, postgresUrl, scratchSchema } from '../support/postgres';

/** The anchors on PostgreSQL: tampering done with SQL on the events table, which the hash chain alone does not see. */
describePostgres('anchors on PostgreSQL', () => {
  let dir: string;
  let scratch: ReturnType<typeof scratchSchema>;
  let schema: string;
  let store: EventStore;
  let sql: Client;
  let paths: { anchorFile: string; keyFile: string };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'thads-anchors-pg-'));
    paths = { anchorFile: join(dir, 'anchors.jsonl'), keyFile: join(dir, 'anchor-key.pem') };
    scratch = scratchSchema('t_anchors');
    schema = new URL(scratch.url).searchParams.get('schema')!;
    store = await openEventStore(scratch.url);
    await writeTestCase(store, 't-1');
    await writeTestCase(store, 'ok-1');
    await new AnchorWriter(store, AnchorKey.loadOrCreate(paths.keyFile), paths.anchorFile).write('demand');
    sql = new Client({ connectionString: postgresUrl() });
    await sql.connect();
  });
  afterEach(async () => {
    await sql.end();
    await store.close();
    await scratch.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const positionOf = async (stream: string, revision: number) =>
    Number(
      (
        await sql.query(`SELECT position FROM "${schema}".events WHERE stream_id = $1 AND revision = $2`, [
          stream,
          revision,
        ])
      ).rows[0].position,
    );

  it('finds the untouched log matching its anchor', async () => {
    expect(await verifyWithAnchors(store, paths, { rangeSize: 4 })).toMatchObject({
      valid: true,
      checked: 18,
      anchors: { valid: true, checked: 1, findings: [] },
    });
  });

  it('names the last event of a stream deleted, a storage time moved by a microsecond, an id edited', async () => {
    const last = await positionOf('case-t-1', 8);
    const stored = await positionOf('case-ok-1', 2);
    const renamed = await positionOf('case-ok-1', 5);
    await sql.query(`DELETE FROM "${schema}".events WHERE position = $1`, [last]);
    await sql.query(
      `UPDATE "${schema}".events SET stored_at = stored_at + interval '1 microsecond' WHERE position = $1`,
      [stored],
    );
    await sql.query(`UPDATE "${schema}".events SET id = 'x-' || id WHERE position = $1`, [renamed]);
    expect((await verifyAll(store)).valid).toBe(true);
    const { valid, anchors } = await verifyWithAnchors(store, paths, { rangeSize: 4 });
    expect(valid).toBe(false);
    expect(anchors.findings.map((f) => [f.kind, f.from])).toEqual([
      ['truncated', String(last)],
      ['stored-at-edited', String(stored)],
      ['id-edited', String(renamed)],
    ]);
  });

  it('names data edited with every later hash recomputed', async () => {
    const { rows } = await sql.query(
      `SELECT position, type, data, metadata FROM "${schema}".events WHERE stream_id = 'case-t-1' AND revision >= 6 ORDER BY revision`,
    );
    let prevHash = rows[0].metadata.prevHash as string;
    for (const r of rows) {
      const data = r.position === rows[0].position ? { ...r.data, note: 'sửa lại' } : r.data;
      const { hash: _old, ...unsigned } = { ...r.metadata, prevHash };
      const metadata = { ...unsigned, hash: chainHash(prevHash, r.type, data, unsigned) };
      await sql.query(`UPDATE "${schema}".events SET data = $1, metadata = $2 WHERE position = $3`, [
        data,
        metadata,
        r.position,
      ]);
      prevHash = metadata.hash;
    }
    expect((await verifyAll(store)).valid).toBe(true);
    const { anchors } = await verifyWithAnchors(store, paths, { rangeSize: 4 });
    expect(anchors.findings.map((f) => [f.kind, Number(f.from)])).toEqual(
      rows.map((r) => ['rewritten', Number(r.position)]),
    );
  });
});
