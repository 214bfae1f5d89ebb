import { Harness, startApp } from '../support/app-harness';
import { demoLog } from '../support/demo-log';
import { eventually } from '../support/eventually';
import { expectReportIdentities } from '../../libs/projections/src/statistics/testing/report-identities';

const PERIODS = [
  ['2024-10-01', '2025-03-31'],
  ['2024-10-01', '2025-09-30'],
  ['2025-10-01', '2026-01-31'],
  ['2025-10-01', '2026-09-30'],
  ['2025-02-10', '2026-11-22'],
];

/** The demo history (two reporting years, several provinces, late entries) through the import path. */
describe('statistics over the demo history', () => {
  let h: Harness;
  let head = 0n;
  beforeAll(async () => {
    const log = await demoLog('thads-stat-demo-', { cases: 1500, seed: 11 });
    head = log.head;
    h = await startApp({ dataDir: log.dataDir });
    await eventually(
      'the projector to catch up with the demo history',
      async () => (await h.http.get('/api/health/details').expect(200)).body.projector.lag === 0,
      { timeoutMs: 540_000 },
    );
    // An import and a projection of 1,500 cases: minutes on a loaded machine.
  }, 600_000);
  afterAll(() => h?.close());

  const get = async (path: string) => (await h.http.get(`${path}&minPosition=${head}`).expect(200)).body;

  it('holds the identities for every unit and period, as known now and as known on earlier days', async () => {
    for (const unitId of ['vn', 'kg', 'kg-pq', 'kh', 'kh-nt']) {
      for (const [from, to] of PERIODS) {
        expectReportIdentities(await get(`/api/statistics?unitId=${unitId}&from=${from}&to=${to}`));
        expectReportIdentities(
          await get(`/api/statistics?unitId=${unitId}&from=${from}&to=${to}&asKnownAt=2025-11-05`),
        );
      }
    }
  });

  it('counts the nation as the sum of its provinces', async () => {
    const [vn, kg, kh] = await Promise.all(
      ['vn', 'kg', 'kh'].map((u) => get(`/api/statistics?unitId=${u}&from=2024-10-01&to=2025-09-30`)),
    );
    for (const key of Object.keys(vn.money).filter((k) => k !== 'rate'))
      expect([key, vn.money[key]]).toEqual([key, String(BigInt(kg.money[key]) + BigInt(kh.money[key]))]);
    for (const key of Object.keys(vn.cases).filter((k) => k !== 'rate'))
      expect([key, vn.cases[key]]).toEqual([key, kg.cases[key] + kh.cases[key]]);
  });

  it('carries over the carried-forward cases, less those moved to separate tracking', async () => {
    const [year, next] = await Promise.all([
      get('/api/statistics?unitId=vn&from=2025-10-01&to=2026-09-30'),
      get('/api/statistics?unitId=vn&from=2026-10-01&to=2026-11-22'),
    ]);
    const withoutConditions = await get(
      '/api/statistics/cases?unitId=vn&from=2025-10-01&to=2026-09-30&column=withoutConditions&limit=10000',
    );
    const moved = withoutConditions.items.filter((i: { key: string }) => i.key === 'toSeparateTracking').length;
    expect(moved).toBeGreaterThan(0);
    expect(next.cases.carriedOver).toBe(year.cases.carriedForward - moved);
    expect(year.samePeriodLastYear).toEqual(
      await get('/api/statistics?unitId=vn&from=2024-10-01&to=2025-09-30').then((r) => ({
        cases: r.cases,
        money: r.money,
      })),
    );
  });

  it('lists as many cases as every figure counts', async () => {
    const q = 'unitId=kg&from=2025-10-01&to=2026-06-30';
    const report = await get(`/api/statistics?${q}`);
    for (const column of Object.keys(report.money).filter((k) => k !== 'rate')) {
      const money = await get(`/api/statistics/cases?${q}&column=${column}&money=true&limit=10000`);
      expect([column, money.amount]).toEqual([column, report.money[column]]);
      if (column === 'reduced') continue;
      const cases = await get(`/api/statistics/cases?${q}&column=${column}&limit=10000`);
      expect([column, cases.count, cases.items.length]).toEqual([column, report.cases[column], report.cases[column]]);
    }
  });
});
