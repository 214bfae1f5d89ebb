import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, NO_STREAM } from '../event-store';
import { eventStoreContract } from '../testing/event-store-contract';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'thads-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

eventStoreContract('SQLite', async () => new SqliteEventStore(join(dir, `${randomUUID()}.db`), { pollMs: 20 }));

describe('SQLite event store durability', () => {
  it('keeps every acknowledged event across a reopen of the file', async () => {
    const file = join(dir, 'durable.db');
    const first = new SqliteEventStore(file);
    for (let i = 0; i < 50; i++) await first.appendToStream(`case-${i}`, [{ id: randomUUID(), type: 'T', data: { i }, metadata: {} }], NO_STREAM);
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
});
