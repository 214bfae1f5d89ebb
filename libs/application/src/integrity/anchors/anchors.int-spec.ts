import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@thads/event-store';
import { chainHash } from '../../hash-chain';
import { verifyAll } from '../verify-log';
import { AnchorKey } from './anchor-key';
import { verifyWithAnchors } from './anchor-verify';
import { AnchorWriter } from './anchor-writer';
import { writeTestCase } from './testing/test-case';

interface Row {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  stored_at: string;
}

/**
 * Tampering that the hash chain alone cannot see (each case asserts that `verifyAll`, today's
 * check, still says valid), done to the SQLite file directly, as anyone with write access to the
 * database could; the anchors must find it, name its kind and the positions.
 */
describe('anchors: tampering a SQLite file that the hash chain cannot see', () => {
  let dir: string;
  let file: string;
  let paths: { anchorFile: string; keyFile: string };
  let store: SqliteEventStore;

  /** The store closed, the file edited with its own connection, the store opened again. */
  const tamper = async (edit: (db: Database.Database) => void) => {
    await store.close();
    const db = new Database(file);
    try {
      db.transaction(() => edit(db))();
    } finally {
      db.close();
    }
    store = new SqliteEventStore(file);
  };
  const rows = (db: Database.Database, streamId: string) =>
    db.prepare('SELECT * FROM events WHERE stream_id = ? ORDER BY revision').all(streamId) as Row[];
  /** Signs an event's metadata again as envelope.ts does, linking it to `prevHash`. */
  const resigned = (type: string, data: unknown, metadataText: string, prevHash: string) => {
    const { hash: _old, ...unsigned }: Record<string, unknown> = {
      ...(JSON.parse(metadataText) as Record<string, unknown>),
      prevHash,
    };
    return JSON.stringify({ ...unsigned, hash: chainHash(prevHash, type, data, unsigned) });
  };
  const chainOnly = async () => (await verifyAll(store)).valid;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'thads-anchors-'));
    file = join(dir, 'thads.db');
    paths = { anchorFile: join(dir, 'anchors.jsonl'), keyFile: join(dir, 'anchor-key.pem') };
    store = new SqliteEventStore(file);
    await writeTestCase(store, 't-1'); // positions 1–9
    await writeTestCase(store, 'ok-1'); // positions 10–18
    const writer = new AnchorWriter(store, AnchorKey.loadOrCreate(paths.keyFile), paths.anchorFile);
    expect((await writer.write('demand')).anchor).toMatchObject({ seq: 1, position: '18', count: 18 });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds an untouched log matching its anchor, and keeps the key and the anchors 0600', async () => {
    const report = await verifyWithAnchors(store, paths, { rangeSize: 5 });
    expect(report).toMatchObject({
      valid: true,
      checked: 18,
      anchors: { valid: true, anchors: 1, checked: 1, findings: [], window: { afterPosition: '18', events: 0 } },
    });
    expect(report.anchors.latest).toMatchObject({
      seq: 1,
      position: '18',
      count: 18,
      keyFingerprint: AnchorKey.load(paths.keyFile)!.fingerprint,
    });
    expect(statSync(paths.keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(paths.anchorFile).mode & 0o777).toBe(0o600);
  });

  it('names the last event of a stream deleted: truncated, at its position', async () => {
    await tamper((db) => db.prepare("DELETE FROM events WHERE stream_id = 'case-t-1' AND revision = 8").run());
    expect(await chainOnly()).toBe(true);
    const { valid, anchors } = await verifyWithAnchors(store, paths, { rangeSize: 5 });
    expect(valid).toBe(false);
    expect(anchors.findings).toEqual([
      expect.objectContaining({ kind: 'truncated', anchor: 1, from: '9', to: '9', expected: 1, found: 0 }),
    ]);
  });

  it('names data edited with every later hash recomputed: rewritten, at its position', async () => {
    await tamper((db) => {
      let prevHash: string | undefined;
      for (const r of rows(db, 'case-t-1')) {
        const data = JSON.parse(r.data) as Record<string, unknown>;
        if (r.revision === 4) data.note = 'sửa lại';
        prevHash ??= (JSON.parse(r.metadata) as { prevHash: string }).prevHash;
        const metadata = r.revision < 4 ? r.metadata : resigned(r.type, data, r.metadata, prevHash);
        db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?').run(
          JSON.stringify(data),
          metadata,
          r.position,
        );
        prevHash = (JSON.parse(metadata) as { hash: string }).hash;
      }
    });
    expect(await chainOnly()).toBe(true);
    const { anchors } = await verifyWithAnchors(store, paths, { rangeSize: 5 });
    expect(anchors.findings[0]).toMatchObject({ kind: 'rewritten', anchor: 1, from: '5', to: '5' });
    // Every later event of the stream was signed again: each of their blocks shows.
    expect(anchors.findings.map((f) => [f.kind, f.from])).toEqual([5, 6, 7, 8, 9].map((p) => ['rewritten', String(p)]));
  });

  it('names a forged event with a correct link put before the anchor (the later events moved up): forged', async () => {
    await tamper((db) => {
      const last = rows(db, 'case-t-1').pop()!;
      const data = { ...(JSON.parse(last.data) as object), amount: '500000000' };
      const metadata = resigned(last.type, data, last.metadata, (JSON.parse(last.metadata) as { hash: string }).hash);
      db.prepare('UPDATE events SET position = -position WHERE position > ?').run(last.position);
      db.prepare('UPDATE events SET position = 1 - position WHERE position < 0').run();
      db.prepare(
        'INSERT INTO events (position, id, stream_id, revision, type, data, metadata, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        last.position + 1,
        '00000000-0000-4000-8000-00000000f0f0',
        last.stream_id,
        last.revision + 1,
        last.type,
        JSON.stringify(data),
        metadata,
        last.stored_at,
      );
    });
    expect(await chainOnly()).toBe(true);
    const { anchors } = await verifyWithAnchors(store, paths, { rangeSize: 5 });
    // One finding: the forged event before position 10; the events after it only moved (10–18).
    expect(anchors.findings).toEqual([expect.objectContaining({ kind: 'forged', anchor: 1, from: '10', to: '18' })]);
    expect(anchors.findings[0].detail).toMatch(/1 event\(s\) inserted just before position 10/);
    // The last event, pushed past the anchor, is in the window.
    expect(anchors.window).toEqual({ afterPosition: '18', events: 1 });
  });

  it('names an event id edited: id-edited', async () => {
    await tamper((db) =>
      db.prepare("UPDATE events SET id = '11111111-1111-4111-8111-111111111111' WHERE position = 3").run(),
    );
    expect(await chainOnly()).toBe(true);
    const { anchors } = await verifyWithAnchors(store, paths, { rangeSize: 5 });
    expect(anchors.findings).toEqual([
      expect.objectContaining({ kind: 'id-edited', anchor: 1, from: '3', to: '3', expected: 1, found: 1 }),
    ]);
  });

  it('names a storage time edited: stored-at-edited', async () => {
    await tamper((db) =>
      db.prepare("UPDATE events SET stored_at = '2025-01-01T00:00:00.000Z' WHERE position = 12").run(),
    );
    expect(await chainOnly()).toBe(true);
    const { anchors } = await verifyWithAnchors(store, paths, { rangeSize: 5 });
    expect(anchors.findings).toEqual([
      expect.objectContaining({ kind: 'stored-at-edited', anchor: 1, from: '12', to: '12' }),
    ]);
  });

  it('reports an anchor file edited, or a line of it removed', async () => {
    await writeTestCase(store, 'later-1', 2); // positions 19–21
    const writer = new AnchorWriter(store, AnchorKey.load(paths.keyFile)!, paths.anchorFile);
    expect((await writer.write('demand')).anchor).toMatchObject({ seq: 2, after: '18', position: '21', count: 21 });
    const [first, second] = readFileSync(paths.anchorFile, 'utf8').trim().split('\n');
    expect((await verifyWithAnchors(store, paths)).anchors).toMatchObject({ valid: true, checked: 2 });

    writeFileSync(paths.anchorFile, `${first.replace('"count":18', '"count":17')}\n${second}\n`);
    expect((await verifyWithAnchors(store, paths)).anchors.findings.map((f) => [f.kind, f.anchor])).toEqual([
      ['anchor-signature-invalid', 1],
      ['anchor-chain-broken', 2],
    ]);

    writeFileSync(paths.anchorFile, `${second}\n`);
    expect((await verifyWithAnchors(store, paths)).anchors.findings.map((f) => [f.kind, f.anchor])).toEqual([
      ['anchor-chain-broken', 2],
    ]);

    writeFileSync(paths.anchorFile, `${first}\n${second.replace(/"signature":"[^"]+"/, '"signature":"AAAA"')}\n`);
    expect((await verifyWithAnchors(store, paths)).anchors.findings.map((f) => [f.kind, f.anchor])).toEqual([
      ['anchor-signature-invalid', 2],
    ]);
  });

  it('cannot see tampering after the latest anchor: that window is what the next anchor closes', async () => {
    // Documented in docs/integrity.md: the anchors cover positions up to the latest one only.
    await writeTestCase(store, 'late-1', 2); // positions 19–21, after the anchor
    await tamper((db) => {
      db.prepare("DELETE FROM events WHERE stream_id = 'case-late-1' AND revision = 2").run();
      db.prepare("UPDATE events SET stored_at = '2020-01-01T00:00:00.000Z' WHERE position = 19").run();
    });
    expect(await chainOnly()).toBe(true);
    const before = await verifyWithAnchors(store, paths);
    expect(before).toMatchObject({
      valid: true,
      anchors: { valid: true, findings: [], window: { afterPosition: '18', events: 2 } },
    });
    // The next anchor covers the log as it then is: the tampering is now part of what it vouches for.
    await new AnchorWriter(store, AnchorKey.load(paths.keyFile)!, paths.anchorFile).write('demand');
    expect((await verifyWithAnchors(store, paths)).anchors).toMatchObject({ valid: true, window: { events: 0 } });
  });

  it('checks blocks of several positions the same whether the ranges of --all cut them or not', async () => {
    for (let i = 2; i <= 8; i++) await writeTestCase(store, `more-${i}`); // positions 19–81
    const anchor = (await new AnchorWriter(store, AnchorKey.load(paths.keyFile)!, paths.anchorFile).write('demand'))
      .anchor!;
    expect(anchor).toMatchObject({ seq: 2, after: '18', position: '81', blockSize: '2' });
    for (const rangeSize of [3, 7, 100])
      expect((await verifyWithAnchors(store, paths, { rangeSize })).anchors).toMatchObject({ valid: true, checked: 2 });
    await tamper((db) =>
      db.prepare("UPDATE events SET stored_at = '2025-01-01T00:00:00.000Z' WHERE position = 40").run(),
    );
    for (const rangeSize of [3, 7, 100]) {
      expect((await verifyWithAnchors(store, paths, { rangeSize })).anchors.findings).toEqual([
        expect.objectContaining({ kind: 'stored-at-edited', anchor: 2, from: '39', to: '40', expected: 2, found: 2 }),
      ]);
    }
  });

  it('continues from the last anchor, reading only the events after it', async () => {
    await writeTestCase(store, 'later-1', 2);
    const read: bigint[] = [];
    const spy = store.readLedger.bind(store);
    store.readLedger = (from: bigint, to: bigint) => {
      read.push(from, to);
      return spy(from, to);
    };
    const writer = new AnchorWriter(store, AnchorKey.load(paths.keyFile)!, paths.anchorFile);
    expect((await writer.write('demand')).anchor).toMatchObject({ seq: 2, after: '18', position: '21' });
    expect(read).toEqual([19n, 22n]);
    expect(await writer.write('demand')).toMatchObject({ written: false, anchor: { seq: 2 } });
  });
});

describe('the anchor file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'thads-anchor-file-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is appended one line an anchor, a line cut by a crash ended first, and its latest anchor found from its end', async () => {
    const store = new SqliteEventStore(':memory:');
    const file = join(dir, 'anchors.jsonl');
    const key = AnchorKey.loadOrCreate(join(dir, 'key.pem'));
    try {
      await writeTestCase(store, 'f-1', 1);
      await new AnchorWriter(store, key, file).write('demand');
      writeFileSync(file, `${readFileSync(file, 'utf8')}{"cut by a crash`);
      await writeTestCase(store, 'f-2', 1);
      const writer = new AnchorWriter(store, key, file);
      expect(writer.latest()).toMatchObject({ seq: 1 });
      await writer.write('demand');
      const lines = readFileSync(file, 'utf8').split('\n');
      expect(lines.map((l) => l.slice(0, 8))).toEqual(['{"v":1,"', '{"cut by', '{"v":1,"', '']);
      expect(writer.latest()).toMatchObject({ seq: 2, after: '2' });
      // Garbage past the last 64 kB: the latest anchor is still found, reading the whole file.
      for (let i = 0; i < 20; i++) writeFileSync(file, `${readFileSync(file, 'utf8')}${'x'.repeat(8000)}\n`);
      expect(new AnchorWriter(store, key, file).latest()).toMatchObject({ seq: 2 });
      const report = await verifyWithAnchors(store, { anchorFile: file, keyFile: join(dir, 'key.pem') });
      expect(report.anchors.findings.filter((f) => f.kind === 'anchor-unreadable')).toHaveLength(21);
      expect(report.anchors.checked).toBe(2);
    } finally {
      await store.close();
    }
  });
});
