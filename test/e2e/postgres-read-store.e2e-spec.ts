import { join } from 'node:path';
import { DRILL_COLUMNS } from '@thads/projections';
import { Harness, startApp } from '../support/app-harness';
import { demoLog } from '../support/demo-log';
import { describePostgres, scratchSchema } from '../support/postgres';

const PERIODS = [
  ['2024-10-01', '2025-03-31'],
  ['2025-10-01', '2026-01-31'],
  ['2025-02-10', '2026-11-22'],
];

/**
 * The read models on PostgreSQL (THADS_READ_STORE=postgres://…) answer every query exactly as
 * those on SQLite: two apps over one event log, one per read store, asked the same questions.
 */
describePostgres('read models on PostgreSQL', () => {
  const read = scratchSchema('t_read_parity');
  let onSqlite: Harness;
  let onPostgres: Harness;
  let head = 0n;
  let units: string[] = [];

  beforeAll(async () => {
    const { dataDir, head: last } = await demoLog('thads-read-parity-', { cases: 600, seed: 5 });
    head = last;
    onSqlite = await startApp({ dataDir });
    onPostgres = await startApp({ env: { THADS_EVENT_STORE: join(dataDir, 'thads.db'), THADS_READ_STORE: read.url } });
    units = (await onSqlite.http.get(`/api/units?minPosition=${head}`).expect(200)).body.items.map(
      (u: { unitId: string }) => u.unitId,
    );
  });

  afterAll(async () => {
    await onPostgres?.close();
    await onSqlite?.close();
    await read.drop();
  });

  const both = async (path: string) => {
    const url = `${path}${path.includes('?') ? '&' : '?'}minPosition=${head}`;
    // One request id for both, so that a problem's `requestId` compares equal too.
    const [a, b] = await Promise.all([
      onSqlite.http.get(url).set('X-Request-Id', 'same-query'),
      onPostgres.http.get(url).set('X-Request-Id', 'same-query'),
    ]);
    expect([url, b.status]).toEqual([url, a.status]);
    return { sqlite: a.body, postgres: b.body };
  };
  const same = async (path: string) => {
    const { sqlite, postgres } = await both(path);
    expect(postgres).toEqual(sqlite);
    return sqlite;
  };

  it('holds the whole log and says so in the health check', async () => {
    const health = (await onPostgres.http.get('/api/health/details').expect(200)).body;
    expect(health.readStore).toBe('postgres');
    expect(units.length).toBeGreaterThan(3);
    expect((await same('/api/units')).items).toHaveLength(units.length);
  });

  it('gives the same statistics report for every unit and period, now and as known earlier', async () => {
    for (const unitId of units) {
      for (const [from, to] of PERIODS) {
        const report = await same(`/api/statistics?unitId=${unitId}&from=${from}&to=${to}`);
        if (unitId === 'vn') expect(report.cases.total).toBeGreaterThan(100);
        await same(`/api/statistics?unitId=${unitId}&from=${from}&to=${to}&asKnownAt=2025-11-05`);
        await same(`/api/statistics?unitId=${unitId}&from=${from}&to=${to}&asKnownAt=${head / 2n}`);
      }
    }
  });

  it('builds the same report forms, from the daily sums by origin and enforcer and as known earlier', async () => {
    // Forms are cumulative within one reporting year: the periods from 1 October or within a year.
    for (const [from, to] of [
      ['2024-10-01', '2025-03-31'],
      ['2025-10-01', '2026-01-31'],
      ['2025-02-10', '2025-09-30'],
    ]) {
      for (const id of ['01', '02', '04', '05']) {
        for (const unitId of ['vn', units[1], units[2]]) {
          const form = await same(`/api/reports/${id}?unitId=${unitId}&from=${from}&to=${to}`);
          expect(form.rows.length).toBeGreaterThan(0);
          await same(`/api/reports/${id}?unitId=${unitId}&from=${from}&to=${to}&asKnownAt=${head / 2n}`);
        }
      }
    }
  });

  it('lists the same cases behind every figure', async () => {
    for (const column of DRILL_COLUMNS) {
      await same(`/api/statistics/cases?unitId=vn&from=2025-10-01&to=2026-09-30&column=${column}&limit=1000`);
      await same(
        `/api/statistics/cases?unitId=${units[2]}&from=2024-10-01&to=2025-09-30&column=${column}&money=true&limit=1000`,
      );
    }
  });

  it('pages and filters the case list the same way', async () => {
    const all = await same('/api/cases?unitId=vn&limit=50&offset=20');
    expect(all.items).toHaveLength(50);
    for (const state of ['completed', 'withConditions', 'postponed', 'classifiedWithoutConditions'])
      await same(`/api/cases?unitId=vn&state=${state}&limit=200`);
    await same('/api/cases?unitId=vn&statisticClass=withoutConditions&limit=200');
  });

  // Every deadline of the demo history evaluated twice a request, on both stores: over jest's 5 s
  // default on this 2-core machine when something else runs beside the tests.
  it('evaluates the same deadlines, met or missed, and their summary', async () => {
    for (const asOf of ['2025-06-30', '2026-11-22']) {
      const list = await same(`/api/deadlines?unitId=vn&asOf=${asOf}`);
      expect(list.total).toBeGreaterThan(0);
      await same(`/api/deadlines?unitId=${units[1]}&asOf=${asOf}&status=late`);
    }
    await same('/api/deadlines/summary?unitId=vn&from=2025-10-01&to=2026-09-30');
  });
});
