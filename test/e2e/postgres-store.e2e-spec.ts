import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { describePostgres, postgresUrl } from '../support/postgres';
import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';

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

  it('walks a case, refuses a stale revision, and lists it through the projector', async () => {
    await h.http.post('/api/cases').send(newCase({ caseId: 'pg-1' })).expect(201);
    const decided = await h.http.post('/api/cases/pg-1/steps').send({ step: 'decide', on: '2025-02-03' }).expect(200);
    expect(decided.body).toMatchObject({ state: 'decided', revision: 1 });
    const stale = await h.http.post('/api/cases/pg-1/steps').send({ step: 'notify', on: '2025-02-04', expectedRevision: 0 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'case.revision-conflict', currentRevision: 1 });
    const list = await h.http.get(`/api/cases?unitId=kg&minPosition=${decided.body.position}`).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ caseId: 'pg-1', state: 'decided' })]);
    expect((await h.http.get('/api/health').expect(200)).body.eventStore).toBe('postgres');
  });
});
