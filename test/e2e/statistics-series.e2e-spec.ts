import { Harness, startApp } from '../support/app-harness';
import { demoLog } from '../support/demo-log';
import { eventually } from '../support/eventually';

type Point = {
  from: string;
  to: string;
  cases: Record<string, unknown>;
  money: Record<string, unknown>;
  target?: unknown;
  entrustedIn?: unknown;
};

/**
 * GET /api/statistics/series against GET /api/statistics over the generated demo history (two
 * reporting years, several provinces and districts, entrustments, late entries): each point is the
 * report for its period, as the offices count it from 1 October.
 */
describe('statistics series over the demo history', () => {
  let h: Harness;
  let head = 0n;
  beforeAll(async () => {
    const log = await demoLog('thads-series-', { cases: 600, seed: 5 });
    head = log.head;
    h = await startApp({ dataDir: log.dataDir });
    await eventually(
      'the projector to catch up with the demo history',
      async () => (await h.http.get('/api/health/details').expect(200)).body.projector.lag === 0,
      { timeoutMs: 540_000 },
    );
    const set = await h.http
      .put('/api/units/kg/targets/2026')
      .send({ cases: '80', money: '40', periods: { 3: { cases: '25', money: '10' } } })
      .expect(200);
    head = BigInt(set.body.position);
  }, 600_000);
  afterAll(() => h?.close());

  const get = async (path: string, actor?: Record<string, string>) => {
    const res = await h.http.get(`${path}&minPosition=${head}`).set(actor ?? {});
    return res;
  };
  const body = async (path: string) =>
    (
      await get(path).then((r) => {
        expect([path, r.status]).toEqual([path, 200]);
        return r;
      })
    ).body;
  const reportFor = async (unitId: string, p: Point, asKnownAt?: string) => {
    const { cases, money, target, entrustedIn } = await body(
      `/api/statistics?unitId=${unitId}&from=${p.from}&to=${p.to}${asKnownAt ? `&asKnownAt=${asKnownAt}` : ''}`,
    );
    return {
      from: p.from,
      to: p.to,
      cases,
      money,
      ...(entrustedIn ? { entrustedIn } : {}),
      ...(target ? { target } : {}),
    };
  };

  it('equals the report at every point, for several units, across 1 October, as known now and on an earlier day', async () => {
    let nonZero = 0;
    for (const unitId of ['vn', 'kg', 'kg-pq', 'kh', 'kh-nt']) {
      for (const asKnownAt of [undefined, '2025-11-05']) {
        const series = await body(
          `/api/statistics/series?unitId=${unitId}&from=2025-05-10&to=2026-02-20${asKnownAt ? `&asKnownAt=${asKnownAt}` : ''}`,
        );
        expect(series.points.map((p: Point) => p.from)).toEqual([
          ...Array(5).fill('2024-10-01'),
          ...Array(5).fill('2025-10-01'),
        ]);
        expect(series.points.at(-1).to).toBe('2026-02-20');
        for (const point of series.points as Point[]) {
          expect([unitId, asKnownAt, point]).toEqual([unitId, asKnownAt, await reportFor(unitId, point, asKnownAt)]);
          if (Number(point.cases.resolved) > 0) nonZero++;
        }
      }
    }
    // The comparison was over figures, not over empty reports.
    expect(nonZero).toBeGreaterThan(30);
  });

  it('gives the 12 months of a national reporting year, each cumulative from 1 October, with the targets of the unit', async () => {
    const year = await body('/api/statistics/series?unitId=vn&from=2025-10-01&to=2026-09-30&interval=month');
    expect(year.points).toHaveLength(12);
    expect(year.points.map((p: Point) => p.to)).toEqual([
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
    ]);
    // Cumulative: the newly accepted never fall from one month to the next within a reporting year.
    const accepted = year.points.map((p: Point) => Number(p.cases.newlyAccepted));
    expect(accepted).toEqual([...accepted].sort((a, b) => a - b));
    const kg = await body('/api/statistics/series?unitId=kg&from=2025-10-01&to=2026-01-31');
    expect(kg.points.map((p: Point) => (p.target as { cases: string }).cases)).toEqual([
      '80.00',
      '80.00',
      '25.00',
      '80.00',
    ]);
  });

  it("lays the report out by unit: each row the report of its unit, the unit's own cases the rest", async () => {
    const additive = (
      rows: Array<{ cases: Record<string, number | string>; money: Record<string, string> }>,
      key: string,
      money: boolean,
    ) => rows.reduce((t, r) => t + BigInt(money ? r.money[key] : r.cases[key]), 0n);
    for (const asKnownAt of [undefined, '2025-11-05']) {
      for (const unitId of ['vn', 'kg']) {
        const range = `from=2025-10-01&to=2026-03-31${asKnownAt ? `&asKnownAt=${asKnownAt}` : ''}`;
        const { rows } = await body(`/api/statistics/units?unitId=${unitId}&${range}`);
        expect(rows[0]).toMatchObject({ unitId, scope: 'total' });
        expect(rows[1]).toMatchObject({ unitId, scope: 'own' });
        for (const row of rows.filter((r: { scope: string }) => r.scope !== 'own')) {
          const { cases, money, target } = await body(`/api/statistics?unitId=${row.unitId}&${range}`);
          expect([row.unitId, row.cases, row.money, row.target]).toEqual([row.unitId, cases, money, target]);
        }
        const parts = rows.slice(1);
        for (const key of [
          'carriedOver',
          'newlyAccepted',
          'completed',
          'resolved',
          'inProgress',
          'withoutConditions',
        ]) {
          expect([unitId, key, additive(parts, key, false)]).toEqual([unitId, key, BigInt(rows[0].cases[key])]);
          expect([unitId, key, additive(parts, key, true)]).toEqual([unitId, key, BigInt(rows[0].money[key])]);
        }
      }
    }
  });

  it("keeps the report's access rules: statistics.read over the unit, with problem+json refusals", async () => {
    const path = '/api/statistics/series?unitId=kg&from=2025-10-01&to=2026-03-31';
    const as = (role: string, unit: string) => ({
      'x-actor-id': `${role}-${unit}`,
      'x-actor-role': role,
      'x-actor-unit': unit,
    });
    expect((await get(path, as('statistician', 'kg'))).status).toBe(200);
    expect((await get(path, as('inspector', 'vn'))).status).toBe(200);
    for (const [role, unit] of [
      ['enforcer', 'kg'],
      ['head', 'kg-pq'],
      ['statistician', 'kh'],
      ['admin', 'vn'],
    ]) {
      const res = await get(path, as(role, unit));
      expect([role, unit, res.status, res.body.code]).toEqual([role, unit, 403, 'forbidden']);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});
