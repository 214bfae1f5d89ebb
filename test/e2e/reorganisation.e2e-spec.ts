import { Harness, startApp } from '../support/app-harness';

// The organisation of 1 July 2025 end to end over HTTP (issue 26, docs/reorganisation.md): two
// provinces merged into a new one, their districts into regional offices, cases open across the
// change; the 9-month 2025 report of the new province is the sum of the old ones', and the 2026
// same-period comparison compares like with like.
const UNITS = [
  { unitId: 'vn', name: 'Cục Quản lý THADS', level: 'central' },
  { unitId: 'ag', name: 'Cục THADS tỉnh An Giang', level: 'province', parentId: 'vn' },
  { unitId: 'ag-lx', name: 'Chi cục THADS TP Long Xuyên', level: 'district', parentId: 'ag' },
  { unitId: 'ag-cd', name: 'Chi cục THADS TP Châu Đốc', level: 'district', parentId: 'ag' },
  { unitId: 'kg', name: 'Cục THADS tỉnh Kiên Giang', level: 'province', parentId: 'vn' },
  { unitId: 'kg-rg', name: 'Chi cục THADS TP Rạch Giá', level: 'district', parentId: 'kg' },
  { unitId: 'kg-pq', name: 'Chi cục THADS TP Phú Quốc', level: 'district', parentId: 'kg' },
  { unitId: 'ct', name: 'Cục THADS TP Cần Thơ', level: 'province', parentId: 'vn' },
];

const judgment = { court: 'TAND', number: '1/2024/DS-ST', date: '2024-09-01' };
const receive = (caseId: string, unitId: string, on: string, amountDue = '1000') => ({
  caseId,
  unitId,
  origin: 'exOfficio',
  on,
  judgment,
  creditor: { name: 'A' },
  debtor: { name: 'B' },
  amountDue,
});

const NINE_MONTHS_2025 = 'from=2024-10-01&to=2025-06-30';
const NINE_MONTHS_2026 = 'from=2025-10-01&to=2026-06-30';
const YEAR_2025 = 'from=2024-10-01&to=2025-09-30';

describe('the reorganisation of 1 July 2025 over HTTP', () => {
  let h: Harness;
  const step = (caseId: string, body: Record<string, unknown>) =>
    h.http.post(`/api/cases/${caseId}/steps`).send(body).expect(200);
  const report = async (unitId: string, query: string, extra = '') =>
    (await h.http.get(`/api/statistics?unitId=${unitId}&${query}${extra}`).expect(200)).body;
  const head = async () => (await h.http.get('/api/health/details').expect(200)).body.head;
  let before: { nation: unknown; ag: unknown; kg: unknown; headBefore: number; agKnown: unknown };

  const reorganise = (body: Record<string, unknown>, status = 201) =>
    h.http.post('/api/units/reorganisations').send(body).expect(status);

  beforeAll(async () => {
    h = await startApp();
    for (const unit of UNITS) await h.http.post('/api/units').send(unit).expect(201);
    const cases: Array<[string, string, string]> = [
      ['a1', 'ag-lx', '2024-10-05'],
      ['a2', 'ag-cd', '2024-11-01'],
      ['a3', 'ag', '2024-12-01'],
      ['k1', 'kg-rg', '2024-10-15'],
      ['k2', 'kg-pq', '2025-02-01'],
      ['k3', 'kg', '2024-12-01'],
    ];
    for (const [caseId, unitId, on] of cases) {
      await h.http
        .post('/api/cases')
        .send(receive(caseId, unitId, on))
        .expect(201);
      await step(caseId, { step: 'decide', on });
    }
    await step('a1', { step: 'collect', on: '2025-01-10', amount: '100' });
    // Done before the change: it stays where it was completed.
    await step('a2', { step: 'collect', on: '2025-03-01', amount: '1000' });
    await step('a2', { step: 'complete', on: '2025-03-02' });
    await step('k2', { step: 'postpone', on: '2025-04-01', reason: 'illness' });
    const position = await head();
    const at = `&minPosition=${position}`;
    before = {
      nation: await report('vn', YEAR_2025, at),
      ag: await report('ag', NINE_MONTHS_2025, at),
      kg: await report('kg', NINE_MONTHS_2025, at),
      headBefore: position,
      agKnown: undefined,
    };
  });
  afterAll(() => h.close());

  it('tells in a dry run what would move, and records nothing', async () => {
    const res = await reorganise(
      {
        reorganisationId: 'sx-tinh-ag',
        on: '2025-07-01',
        kind: 'merge',
        predecessors: ['ag', 'kg'],
        successors: [{ unitId: 'ag2', name: 'THADS tỉnh An Giang', level: 'province', parentId: 'vn' }],
        dryRun: true,
      },
      200,
    );
    expect(res.body).toMatchObject({ reorganisationId: 'sx-tinh-ag', dryRun: true, movedCases: 2, newUnits: ['ag2'] });
    expect(res.body.transfers.map((t: { caseId: string }) => t.caseId).sort()).toEqual(['a3', 'k3']);
    expect(await head()).toBe(before.headBefore);
  });

  describe('refuses bad input with a clear 4xx and appends nothing', () => {
    const refused = async (body: Record<string, unknown>, status: number, code: string) => {
      const res = await reorganise(body, status);
      expect(res.body.code).toBe(code);
      expect(await head()).toBe(before.headBefore);
      return res.body;
    };
    it('a merge into a descendant of a predecessor', () =>
      refused(
        {
          on: '2025-07-01',
          kind: 'merge',
          predecessors: ['ag', 'kg'],
          successors: [{ unitId: 'x-1', name: 'X', level: 'district', parentId: 'kg' }],
        },
        422,
        'reorganisation.into-descendant',
      ));
    it('an effective date before a unit existed', async () => {
      await h.http
        .post('/api/units')
        .send({ unitId: 'ct-new', name: 'Mới', level: 'district', parentId: 'ct', from: '2025-08-01' })
        .expect(201);
      before.headBefore = await head();
      await refused(
        {
          on: '2025-07-01',
          kind: 'rename',
          predecessors: ['ct-new'],
          successors: [{ unitId: 'ct-new', name: 'Mới hơn', level: 'district', parentId: 'ct' }],
        },
        422,
        'reorganisation.before-unit-existed',
      );
    });
    it('a split whose rule leaves an open case unassigned', async () => {
      const body = await refused(
        {
          on: '2025-07-01',
          kind: 'split',
          predecessors: ['ag-lx'],
          successors: [
            { unitId: 'lx-1', name: 'Một', level: 'district', parentId: 'ag' },
            { unitId: 'lx-2', name: 'Hai', level: 'district', parentId: 'ag' },
          ],
          assign: {},
        },
        422,
        'reorganisation.case-unassigned',
      );
      expect(body.caseIds).toEqual(['a1']);
    });
    it('an effective date in the future, and a malformed body', async () => {
      await refused(
        { on: '2030-01-01', kind: 'close', predecessors: ['ct-new'], successors: [] },
        422,
        'reorganisation.date-in-future',
      );
      await refused({ on: '2025-07-01', kind: 'merge', predecessors: 'ag', successors: [] }, 400, 'validation');
    });
  });

  describe('after the merge and the regional offices', () => {
    let results: Array<{ movedCases: number; position: number }>;
    beforeAll(async () => {
      before.agKnown = await report('ag', NINE_MONTHS_2025, `&asKnownAt=${await head()}`);
      results = [];
      for (const body of [
        {
          reorganisationId: 'sx-tinh-ag',
          on: '2025-07-01',
          kind: 'merge',
          predecessors: ['ag', 'kg'],
          successors: [{ unitId: 'ag2', name: 'THADS tỉnh An Giang', level: 'province', parentId: 'vn' }],
        },
        {
          on: '2025-07-01',
          kind: 'merge',
          predecessors: ['ag-lx', 'ag-cd'],
          successors: [
            { unitId: 'ag-kv1', name: 'Phòng THADS khu vực 1 - An Giang', level: 'district', parentId: 'ag2' },
          ],
        },
        {
          on: '2025-07-01',
          kind: 'merge',
          predecessors: ['kg-rg', 'kg-pq'],
          successors: [
            { unitId: 'ag-kv2', name: 'Phòng THADS khu vực 2 - An Giang', level: 'district', parentId: 'ag2' },
          ],
        },
      ])
        results.push((await reorganise(body)).body);
      // Work goes on in the new units: k1 is completed in August 2025, a1 in November.
      await step('k1', { step: 'collect', on: '2025-08-01', amount: '1000' });
      await step('k1', { step: 'complete', on: '2025-08-02' });
      await step('a1', { step: 'collect', on: '2025-11-01', amount: '900' });
      await step('a1', { step: 'complete', on: '2025-11-02' });
    });

    it('moves the open cases to their successors, leaving closed ones where they closed', async () => {
      expect(results.map((r) => r.movedCases)).toEqual([2, 1, 2]);
      const at = `minPosition=${await head()}`;
      const kv2 = (await h.http.get(`/api/cases?unitId=ag-kv2&${at}`).expect(200)).body;
      expect(kv2.items.map((c: { caseId: string }) => c.caseId).sort()).toEqual(['k1', 'k2']);
      expect((await h.http.get('/api/cases/a2').expect(200)).body.unitId).toBe('ag-cd');
      expect((await h.http.get('/api/cases/k3').expect(200)).body.unitId).toBe('ag2');
      const history = (await h.http.get('/api/cases/k1/history').expect(200)).body;
      expect(JSON.stringify(history)).toContain('sx-tinh-ag'.length ? 'CaseTransferred' : '');
    });

    it('answers the tree on either side of the change, with validFrom, validTo and the links', async () => {
      const june = (await h.http.get(`/api/units?asOf=2025-06-30&minPosition=${await head()}`).expect(200)).body;
      const july = (await h.http.get('/api/units?asOf=2025-07-01').expect(200)).body;
      const ids = (b: { items: Array<{ unitId: string }> }) => b.items.map((u) => u.unitId);
      expect(ids(june)).toEqual(expect.arrayContaining(['ag', 'kg', 'kg-rg', 'ag-lx']));
      expect(ids(june)).not.toContain('ag2');
      expect(ids(july)).toEqual(expect.arrayContaining(['ag2', 'ag-kv1', 'ag-kv2', 'ct']));
      expect(ids(july)).not.toContain('kg');
      const kg = (await h.http.get('/api/units/kg?asOf=2025-06-30').expect(200)).body;
      expect(kg).toMatchObject({ validTo: '2025-06-30', successors: ['ag2'], parentId: 'vn' });
      const ag2 = (await h.http.get('/api/units/ag2?asOf=2025-07-01').expect(200)).body;
      expect(ag2).toMatchObject({ validFrom: '2025-07-01', validTo: null, predecessors: ['ag', 'kg'] });
      await h.http.get('/api/units/nowhere').expect(404);
      await h.http.get('/api/units?asOf=2025-02-31').expect(400);
    });

    it('gives the new province a 9-month 2025 report equal to the sum of the old ones, naming them', async () => {
      const ag2 = await report('ag2', NINE_MONTHS_2025);
      const [ag, kg] = [before.ag as typeof ag2, before.kg as typeof ag2];
      for (const key of ['carriedOver', 'newlyAccepted', 'total', 'completed', 'carriedForward', 'postponed'])
        expect(ag2.cases[key]).toBe(ag.cases[key] + kg.cases[key]);
      expect(ag2.includes).toEqual(expect.arrayContaining(['ag', 'kg', 'kg-rg', 'kg-pq', 'ag-lx', 'ag-cd']));
    });

    it("leaves the nation's report unchanged by the reorganisation", async () => {
      const nation = await report('vn', YEAR_2025);
      const old = before.nation as typeof nation;
      expect({ cases: { ...nation.cases, completed: 0 } }).toBeDefined();
      // The only change since is the work after it (k1 completed in August).
      expect(nation.cases.total).toBe(old.cases.total);
      expect(nation.cases.completed).toBe(old.cases.completed + 1);
      expect(nation.money.total).toBe(old.money.total);
    });

    it('asked as known before the reorganisation was recorded, a report is the one produced then', async () => {
      expect(await report('ag', NINE_MONTHS_2025, `&asKnownAt=${before.headBefore}`)).toEqual({
        ...(before.agKnown as object),
        asKnownAt: String(before.headBefore),
      });
    });

    it('compares 2026 with the same units a year before', async () => {
      const r = await report('ag2', NINE_MONTHS_2026);
      const last = await report('ag2', NINE_MONTHS_2025);
      expect(r.samePeriodLastYear.cases).toEqual(last.cases);
      expect(r.cases).toMatchObject({ carriedOver: last.cases.carriedForward + 0 - 1, completed: 1 });
    });

    it('takes the units of each period end in the monthly series, the rows by subunit and the forms', async () => {
      const series = (await h.http.get(`/api/statistics/series?unitId=ag2&${YEAR_2025}`).expect(200)).body;
      expect(series.points).toHaveLength(12);
      for (const point of series.points as Array<{ from: string; to: string }>) {
        const {
          unitId: _u,
          asKnownAt: _a,
          samePeriodLastYear: _s,
          ...r
        } = await report('ag2', `from=${point.from}&to=${point.to}`);
        expect(point).toEqual(r);
      }
      const units = (rows: Array<{ unitId: string; depth: number }>) =>
        rows.filter((r) => r.depth === 0).map((r) => r.unitId);
      // Before 1 July the new province is the districts of the two it continues; after, its regional offices.
      const nine = (await h.http.get(`/api/reports/01?unitId=ag2&${NINE_MONTHS_2025}`).expect(200)).body;
      expect(units(nine.rows)).toEqual(['ag2', 'ag-cd', 'ag-lx', 'kg-pq', 'kg-rg']);
      const year = (await h.http.get(`/api/reports/01?unitId=ag2&${YEAR_2025}`).expect(200)).body;
      expect(units(year.rows)).toEqual(['ag2', 'ag-kv1', 'ag-kv2']);
      expect(year.includes).toEqual((await report('ag2', YEAR_2025)).includes);
      expect(year.totals.total).toBe(String((await report('ag2', YEAR_2025)).cases.total));
      const nation = (await h.http.get(`/api/statistics/units?unitId=vn&${YEAR_2025}`).expect(200)).body;
      expect(
        nation.rows.filter((r: { scope: string }) => r.scope === 'subtree').map((r: { unitId: string }) => r.unitId),
      ).toEqual(['ag2', 'ct']);
      const xlsx = await h.http.get(`/api/reports/01?unitId=ag2&${YEAR_2025}&format=xlsx`).expect(200);
      expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    });

    it("refuses a merged unit's form for a period ending after its last day, and sending it: 422 report.unit-closed", async () => {
      const got = await h.http.get('/api/reports/02?unitId=kg&from=2025-07-01&to=2025-09-30').expect(422);
      expect(got.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(got.body).toMatchObject({ code: 'report.unit-closed' });
      expect(got.body.detail).toContain('Đơn vị kg đã sáp nhập vào ag2 từ 01/07/2025: lập biểu của ag2');
      await h.http.get(`/api/reports/01?unitId=kg&from=2024-10-01&to=2025-07-31`).expect(422);
      // Its own last period is still its form.
      await h.http.get(`/api/reports/01?unitId=kg&${NINE_MONTHS_2025}`).expect(200);
      const position = await head();
      const sent = await h.http
        .post('/api/reports/02/submissions')
        .send({ unitId: 'kg', from: '2024-10-01', to: '2025-09-30' })
        .expect(422);
      expect(sent.body).toMatchObject({ code: 'report.unit-closed' });
      expect(await head()).toBe(position);
    });

    it('refuses a transfer to a closed unit: 422 unit.closed, nothing appended', async () => {
      const position = await head();
      const res = await h.http
        .post('/api/cases/k2/steps')
        .send({ step: 'transfer', on: '2025-08-01', toUnitId: 'kg' })
        .expect(422);
      expect(res.body).toMatchObject({ code: 'unit.closed', field: 'toUnitId' });
      expect(await head()).toBe(position);
    });

    it('transfers one case by hand, with its legal basis, and the figures follow it', async () => {
      const done = await step('k2', { step: 'transfer', on: '2025-09-01', toUnitId: 'ct', reason: 'chuyển hồ sơ' });
      const ct = await report('ct', YEAR_2025, `&minPosition=${done.body.position}`);
      expect(ct.transferred.in).toEqual({ cases: 1, money: '1000' });
      expect(ct.cases).toMatchObject({ total: 1, postponed: 1 });
      const steps = (await h.http.get('/api/steps').expect(200)).body;
      expect(JSON.stringify(steps)).toContain('CV 3769/BTP-TCTHADS');
    });

    it('lets the successor see the moved cases; the closed unit writes nothing; its auditor still reads', async () => {
      const as = (role: string, unit: string) => ({
        'x-actor-role': role,
        'x-actor-id': `${role}-${unit}`,
        'x-actor-unit': unit,
      });
      await h.http.get('/api/cases/k3').set(as('head', 'ag2')).expect(200);
      await h.http
        .post('/api/cases/k3/steps')
        .set(as('head', 'kg'))
        .send({ step: 'assign', on: '2025-09-02', enforcerId: 'chv-1' })
        .expect(403);
      await h.http.get('/api/cases/k3/history').set(as('auditor', 'kg')).expect(200);
      await h.http
        .post('/api/cases/k3/steps')
        .set(as('head', 'ag2'))
        .send({ step: 'assign', on: '2025-09-02', enforcerId: 'chv-1' })
        .expect(200);
    });
  });
});
