import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { isStoreUnavailable } from '@thads/event-store';
import { describePostgres, postgresUrl } from '../support/postgres';

// The errors the real drivers raise, not look-alikes: what the API turns into 503 store.unavailable.
const failure = async (work: () => unknown): Promise<unknown> => {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
};

describe('which store errors say "not now"', () => {
  it('a PostgreSQL server that does not answer', async () => {
    const client = new Client({
      connectionString: 'postgres://postgres@127.0.0.1:1/test',
      connectionTimeoutMillis: 2000,
    });
    expect(isStoreUnavailable(await failure(() => client.connect()))).toBe(true);
  });

  it('a SQLite file another writer holds, but not a bad statement', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thads-busy-'));
    const [holder, writer] = [new Database(join(dir, 'x.db')), new Database(join(dir, 'x.db'), { timeout: 0 })];
    holder.exec('CREATE TABLE t (v INTEGER NOT NULL)');
    holder.prepare('BEGIN IMMEDIATE').run();
    expect(isStoreUnavailable(await failure(() => writer.prepare('INSERT INTO t VALUES (1)').run()))).toBe(true);
    holder.prepare('ROLLBACK').run();
    expect(isStoreUnavailable(await failure(() => writer.prepare('INSERT INTO t VALUES (NULL)').run()))).toBe(false);
    holder.close();
    writer.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describePostgres('which PostgreSQL errors say "not now"', () => {
  it('a connection the server ends, but not a query it refuses', async () => {
    const client = new Client({ connectionString: postgresUrl() });
    client.on('error', () => {}); // the end of the connection is reported here too
    await client.connect();
    expect(isStoreUnavailable(await failure(() => client.query('SELECT nope')))).toBe(false);
    expect(isStoreUnavailable(await failure(() => client.query('SELECT pg_terminate_backend(pg_backend_pid())')))).toBe(
      true,
    );
    await client.end().catch(() => {});
  });
});
