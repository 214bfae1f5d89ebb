import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { describePostgres, postgresUrl } from '../support/postgres';
import { Harness, registerUnits, startApp } from '../support/app-harness';
import { walkOnStore } from '../support/store-walk';

/** The same API on the PostgreSQL event store (THADS_EVENT_STORE=postgres://…). */
describePostgres('the API on the PostgreSQL event store', () => {
  const schema = `thads_e2e_${randomUUID().slice(0, 8)}`;
  let h: Harness;
  beforeAll(async () => {
    const url = new URL(postgresUrl());
    url.searchParams.set('schema', schema);
    h = await startApp({ env: { THADS_EVENT_STORE: url.toString() } });
    await registerUnits(h);
  });
  afterAll(async () => {
    await h.close();
    const client = new Client({ connectionString: postgresUrl() });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it('walks a case, refuses a stale revision, and lists it through the projector', () =>
    walkOnStore(h, 'pg-1', 'postgres'));
});
