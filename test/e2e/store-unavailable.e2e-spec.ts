import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startEsdbDouble } from '../support/esdb-double';
import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';

/** A store out of reach is not the caller's fault: 503 problem+json with Retry-After, never a 500. */
describe('the API when its event store cannot be reached', () => {
  it('answers 503 store.unavailable on EventStoreDB gone away (through the official client)', async () => {
    const double = await startEsdbDouble();
    const h = await startApp({ env: { THADS_EVENT_STORE: double.connectionString } });
    try {
      await registerUnits(h);
      await double.stop();
      const res = await h.http.post('/api/cases').send(newCase({ caseId: 'gone-1' }));
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.headers['retry-after']).toBe('2');
      expect(res.body).toMatchObject({ status: 503, code: 'store.unavailable' });
    } finally {
      await h.close();
    }
  });
});

describe('the API when another writer holds the SQLite file', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp();
    await registerUnits(h);
  });
  afterAll(() => h?.close());

  // The append waits out SQLite's busy_timeout (10 s) before it gives up.
  it('answers 503 store.unavailable, appends nothing, and takes the same request once the file is free', async () => {
    const other = new Database(join(h.dataDir, 'thads.db'));
    other.prepare('BEGIN IMMEDIATE').run();
    const busy = await h.http
      .post('/api/cases')
      .set('Idempotency-Key', 'busy-1')
      .send(newCase({ caseId: 'busy-1' }));
    other.prepare('ROLLBACK').run();
    other.close();
    expect(busy.status).toBe(503);
    expect(busy.body.code).toBe('store.unavailable');
    await h.http.get('/api/cases/busy-1').expect(404);
    const again = await h.http
      .post('/api/cases')
      .set('Idempotency-Key', 'busy-1')
      .send(newCase({ caseId: 'busy-1' }));
    expect(again.status).toBe(201);
    expect(again.body.revision).toBe(0);
  });
});
