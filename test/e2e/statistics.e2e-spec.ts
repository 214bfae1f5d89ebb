import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';

const CASE_KEYS = [
  'carriedOver',
  'newlyAccepted',
  'total',
  'entrustedOut',
  'revoked',
  'toExecute',
  'withConditions',
  'withoutConditions',
  'completed',
  'terminated',
  'resolved',
  'inProgress',
  'postponed',
  'suspended',
  'rate',
  'carriedForward',
  'separateTracking',
  'unclassified',
];
const MONEY_KEYS = [...CASE_KEYS.slice(0, 10), 'reduced', ...CASE_KEYS.slice(10)];
const SIX_MONTHS = 'from=2019-10-01&to=2020-03-31';

/** GET /api/statistics and its drill-down over HTTP, on a small history recorded through the API. */
describe('statistics over HTTP', () => {
  let h: Harness;
  let last = 0;
  const at = (instant: string) => {
    h.clock.instant = new Date(instant);
  };
  const receive = async (caseId: string, unitId: string, on: string, amountDue: string) =>
    (last = (await h.http.post('/api/cases').send(newCase({ caseId, unitId, on, amountDue })).expect(201)).body
      .position);
  const step = async (caseId: string, body: Record<string, unknown>) =>
    (last = (await h.http.post(`/api/cases/${caseId}/steps`).send(body).expect(200)).body.position);
  const report = async (query: string) =>
    (await h.http.get(`/api/statistics?${query}&minPosition=${last}`).expect(200)).body;

  beforeAll(async () => {
    h = await startApp();
    await registerUnits(h);
    at('2020-04-01T03:00:00.000Z');
    // Phú Quốc: one case carried over and completed in the period, one accepted and half paid.
    await receive('pq-1', 'kg-pq', '2019-08-01', '1000000');
    await step('pq-1', { step: 'decide', on: '2019-08-05' });
    await step('pq-1', { step: 'verify', on: '2019-08-20' });
    await step('pq-1', { step: 'classify', on: '2019-08-25', class: 'withConditions' });
    await step('pq-1', { step: 'collect', on: '2019-11-10', amount: '1000000' });
    await step('pq-1', { step: 'complete', on: '2019-11-15' });
    await receive('pq-2', 'kg-pq', '2019-10-02', '3000000');
    await step('pq-2', { step: 'decide', on: '2019-10-05' });
    await step('pq-2', { step: 'verify', on: '2019-10-20' });
    await step('pq-2', { step: 'classify', on: '2019-10-25', class: 'withConditions' });
    await step('pq-2', { step: 'collect', on: '2020-03-20', amount: '1500000' });
    // An Biên: one without conditions, one decided and not yet verified, one only received.
    await receive('ab-1', 'kg-ab', '2019-10-10', '500000');
    await step('ab-1', { step: 'decide', on: '2019-10-11' });
    await step('ab-1', { step: 'verify', on: '2019-10-30' });
    await step('ab-1', { step: 'classify', on: '2019-11-05', class: 'withoutConditions', ground: 'noAssets' });
    await receive('ab-2', 'kg-ab', '2020-03-01', '700000');
    await step('ab-2', { step: 'decide', on: '2020-03-05' });
    await receive('ab-3', 'kg-ab', '2020-03-10', '900000');
  });
  afterAll(() => h?.close());

  it('answers with exactly the keys of docs/architecture.md §6, counts as numbers and money as strings', async () => {
    const body = await report(`unitId=kg&${SIX_MONTHS}`);
    expect(Object.keys(body.cases)).toEqual(CASE_KEYS);
    expect(Object.keys(body.money)).toEqual(MONEY_KEYS);
    expect(body).toMatchObject({ unitId: 'kg', from: '2019-10-01', to: '2020-03-31', asKnownAt: null });
    expect(body.cases).toEqual({
      carriedOver: 1,
      newlyAccepted: 3,
      total: 4,
      entrustedOut: 0,
      revoked: 0,
      toExecute: 4,
      withConditions: 3,
      withoutConditions: 1,
      completed: 1,
      terminated: 0,
      resolved: 1,
      inProgress: 2,
      postponed: 0,
      suspended: 0,
      rate: '33.33',
      carriedForward: 3,
      separateTracking: 0,
      unclassified: 1,
    });
    expect(body.money).toMatchObject({
      carriedOver: '1000000',
      newlyAccepted: '4200000',
      completed: '2500000',
      resolved: '2500000',
      inProgress: '2200000',
      withoutConditions: '500000',
      rate: '53.19',
    });
  });

  it('includes subunits: the province is the sum of its districts', async () => {
    const [province, pq, ab] = await Promise.all(
      ['kg', 'kg-pq', 'kg-ab'].map((u) => report(`unitId=${u}&${SIX_MONTHS}`)),
    );
    for (const key of CASE_KEYS.filter((k) => k !== 'rate'))
      expect([key, province.cases[key]]).toEqual([key, pq.cases[key] + ab.cases[key]]);
    for (const key of MONEY_KEYS.filter((k) => k !== 'rate'))
      expect([key, province.money[key]]).toEqual([key, String(BigInt(pq.money[key]) + BigInt(ab.money[key]))]);
  });

  it('lists the cases behind every figure, as many as it counts', async () => {
    const body = await report(`unitId=kg&${SIX_MONTHS}`);
    for (const column of MONEY_KEYS.filter((k) => k !== 'rate')) {
      const money = (
        await h.http.get(`/api/statistics/cases?unitId=kg&${SIX_MONTHS}&column=${column}&money=true`).expect(200)
      ).body;
      expect([column, money.amount]).toEqual([column, body.money[column]]);
      if (column === 'reduced') continue;
      const cases = (await h.http.get(`/api/statistics/cases?unitId=kg&${SIX_MONTHS}&column=${column}`).expect(200))
        .body;
      expect([column, cases.count, cases.items.length]).toEqual([column, body.cases[column], body.cases[column]]);
    }
    const progress = (await h.http.get(`/api/statistics/cases?unitId=kg&${SIX_MONTHS}&column=inProgress`).expect(200))
      .body;
    expect(progress.items.map((i: { caseId: string; key: string }) => [i.caseId, i.key])).toEqual([
      ['ab-2', 'unclassified'],
      ['pq-2', 'inProgress'],
    ]);
  });

  it('reproduces the report as submitted before a late-recorded step, and shows it after', async () => {
    const submitted = await report(`unitId=kg-pq&${SIX_MONTHS}`);
    at('2020-04-20T03:00:00.000Z');
    await step('pq-2', { step: 'collect', on: '2020-03-28', amount: '1500000' });
    await step('pq-2', { step: 'complete', on: '2020-03-30' });
    const asSubmitted = await report(`unitId=kg-pq&${SIX_MONTHS}&asKnownAt=2020-04-05T00:00:00Z`);
    expect({ cases: asSubmitted.cases, money: asSubmitted.money }).toEqual({
      cases: submitted.cases,
      money: submitted.money,
    });
    expect(asSubmitted.asKnownAt).toBe('2020-04-05T00:00:00.000Z');
    const now = await report(`unitId=kg-pq&${SIX_MONTHS}&asKnownAt=2020-04-21`);
    expect(now.cases).toMatchObject({ completed: 2, resolved: 2, inProgress: 0, rate: '100.00' });
    expect((await report(`unitId=kg-pq&${SIX_MONTHS}`)).cases).toEqual(now.cases);
  });

  it('compares with targets set as events, and with the same period a year earlier', async () => {
    const set = await h.http
      .put('/api/units/kg/targets/2020')
      .send({ cases: '80.5', money: '38', periods: { 6: { cases: '20', money: '40.50' } } })
      .expect(200);
    expect(set.body).toMatchObject({ unitId: 'kg', year: 2020, cases: '80.50', money: '38.00', revision: 0 });
    last = set.body.position;
    const body = await report(`unitId=kg&${SIX_MONTHS}`);
    expect(body.target).toEqual({ cases: '20.00', money: '40.50', casesGap: '46.67', moneyGap: '44.61' });
    expect(body.samePeriodLastYear.cases).toMatchObject({ carriedOver: 0, newlyAccepted: 0, total: 0, rate: '0.00' });
    expect((await report('unitId=kg&from=2019-10-01&to=2020-09-30')).target).toMatchObject({
      cases: '80.50',
      money: '38.00',
    });
    expect((await h.http.get('/api/units/kg/targets/2020').expect(200)).body).toMatchObject({
      cases: '80.50',
      periods: { 6: { cases: '20.00' } },
    });
    const stale = await h.http
      .put('/api/units/kg/targets/2020')
      .send({ cases: '81', money: '38', expectedRevision: -1 })
      .expect(409);
    expect(stale.body.code).toBe('targets.revision-conflict');
  });

  it('gives a monthly series whose every point equals the report for its period, on every store', async () => {
    const series = (
      await h.http.get(`/api/statistics/series?unitId=kg&from=2019-08-01&to=2020-04-15&minPosition=${last}`).expect(200)
    ).body;
    expect(series).toMatchObject({
      unitId: 'kg',
      from: '2019-08-01',
      to: '2020-04-15',
      interval: 'month',
      asKnownAt: null,
    });
    expect(series.points.map((p: { from: string; to: string }) => `${p.from}..${p.to}`)).toEqual([
      '2018-10-01..2019-08-31',
      '2018-10-01..2019-09-30',
      '2019-10-01..2019-10-31',
      '2019-10-01..2019-11-30',
      '2019-10-01..2019-12-31',
      '2019-10-01..2020-01-31',
      '2019-10-01..2020-02-29',
      '2019-10-01..2020-03-31',
      '2019-10-01..2020-04-15',
    ]);
    for (const point of series.points) {
      const { cases, money, target } = await report(`unitId=kg&from=${point.from}&to=${point.to}`);
      expect(point).toEqual({ from: point.from, to: point.to, cases, money, ...(target ? { target } : {}) });
    }
    expect(series.points[7].cases).toMatchObject({ completed: 2, resolved: 2 });
    // As known before the late-recorded steps: the same equality over the per-case moves.
    const known = (
      await h.http
        .get(
          `/api/statistics/series?unitId=kg&from=2019-10-01&to=2020-03-31&asKnownAt=2020-04-05T00:00:00Z&minPosition=${last}`,
        )
        .expect(200)
    ).body;
    expect(known.asKnownAt).toBe('2020-04-05T00:00:00.000Z');
    for (const point of known.points) {
      const { cases, money } = await report(
        `unitId=kg&from=${point.from}&to=${point.to}&asKnownAt=2020-04-05T00:00:00Z`,
      );
      expect({ cases: point.cases, money: point.money }).toEqual({ cases, money });
    }
    expect(known.points[5].cases.completed).toBe(1);
    expect(series.points[7].target).toEqual({
      cases: '20.00',
      money: '40.50',
      casesGap: expect.any(String),
      moneyGap: expect.any(String),
    });
  });

  it("lays the report out by unit, each row equal to its unit's report, on every store", async () => {
    for (const knownAt of ['', '&asKnownAt=2020-04-05T00:00:00Z']) {
      const { rows } = (
        await h.http.get(`/api/statistics/units?unitId=kg&${SIX_MONTHS}${knownAt}&minPosition=${last}`).expect(200)
      ).body;
      expect(rows.map((r: { unitId: string; scope: string }) => `${r.unitId}:${r.scope}`)).toEqual([
        'kg:total',
        'kg:own',
        'kg-ab:subtree',
        'kg-pq:subtree',
      ]);
      for (const row of rows.filter((r: { scope: string }) => r.scope !== 'own')) {
        const { cases, money } = await report(`unitId=${row.unitId}&${SIX_MONTHS}${knownAt}`);
        expect([row.unitId, row.cases, row.money]).toEqual([row.unitId, cases, money]);
      }
      expect(rows[1].cases).toMatchObject({ total: 0, resolved: 0, rate: '0.00' });
    }
  });

  it('refuses bad parameters with problem+json', async () => {
    const bad = async (query: string, status = 400, code = 'validation') => {
      const res = await h.http.get(`/api/statistics${query}`).expect(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe(code);
    };
    await bad('?unitId=kg&from=2020-03-31&to=2019-10-01');
    await bad('?unitId=kg&from=2019-13-01&to=2020-03-31');
    await bad('?unitId=kg&from=2019-10-01');
    await bad(`?${SIX_MONTHS}`);
    await bad(`?unitId=kg&${SIX_MONTHS}&asKnownAt=yesterday`);
    await bad(`?unitId=nowhere&${SIX_MONTHS}`, 404, 'unit.not-found');
    await bad(`/cases?unitId=kg&${SIX_MONTHS}&column=rate`);
    await bad(`/series?unitId=kg&${SIX_MONTHS}&interval=week`);
    await bad('/series?unitId=kg&from=2010-01-01&to=2020-03-31');
    await bad('/series?unitId=kg&from=2020-03-31&to=2019-10-01');
    await bad(`/series?unitId=nowhere&${SIX_MONTHS}`, 404, 'unit.not-found');
    await bad(`/cases?unitId=kg&${SIX_MONTHS}&column=reduced`);
    expect(
      (await h.http.put('/api/units/kg/targets/2020').send({ cases: '180', money: '38' }).expect(400)).body.code,
    ).toBe('validation');
    expect(
      (
        await h.http
          .put('/api/units/kg/targets/2020')
          .send({ cases: '80', money: '38', periods: { 13: { cases: '1', money: '1' } } })
          .expect(400)
      ).body.code,
    ).toBe('validation');
    expect(
      (await h.http.put('/api/units/nowhere/targets/2020').send({ cases: '80', money: '38' }).expect(404)).body.code,
    ).toBe('unit.not-found');
  });

  it('documents its counting policies', async () => {
    const body = (await h.http.get('/api/statistics/policies?unitId=vn').expect(200)).body;
    expect(body.items.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining(['pausedWithConditions', 'returnedWithoutConditions', 'restoredAsNewlyAccepted']),
    );
  });
});
