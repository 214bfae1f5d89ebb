import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';

jest.setTimeout(60_000);

/** Issue 19, point 4: odd numbers and dates answer 400 `validation` naming the field, never 500. */
describe('numeric and date parameters', () => {
  let h: Harness;
  let caseId: string;
  beforeAll(async () => {
    h = await startApp();
    await registerUnits(h);
    caseId = (await h.http.post('/api/cases').send(newCase()).expect(201)).body.caseId;
  });
  afterAll(() => h.close());

  const refused = async (url: string, field: RegExp) => {
    const res = await h.http.get(url);
    expect({ url, status: res.status, code: res.body.code, detail: res.body.detail }).toEqual({
      url,
      status: 400,
      code: 'validation',
      detail: expect.stringMatching(field),
    });
  };

  it.each([
    ['/api/cases?unitId=vn&offset=1e20', /^offset must be an integer from 0 to 100000000$/],
    ['/api/cases?unitId=vn&offset=-1', /offset must be an integer/],
    ['/api/cases?unitId=vn&offset=0x10', /offset must be an integer/],
    ['/api/cases?unitId=vn&limit=NaN', /limit must be an integer from 1 to 500/],
    ['/api/cases?unitId=vn&limit=1.5', /limit must be an integer/],
    ['/api/cases?unitId=vn&offset=1&offset=2', /offset must be given once/],
    ['/api/cases?unitId=vn&unitId=kg', /unitId must be given once/],
    ['/api/cases?unitId=vn&enforcerId=a&enforcerId=b', /enforcerId must be given once/],
    ['/api/cases?unitId=vn&state=bogus', /^state must be one of received, /],
    ['/api/cases?unitId=vn&statisticClass=bogus', /^statisticClass must be one of /],
    [
      '/api/statistics/cases?unitId=vn&from=2025-01-01&to=2025-09-30&column=newlyAccepted&offset=1e20',
      /^offset must be an integer/,
    ],
    [
      '/api/statistics/cases?unitId=vn&from=2025-01-01&to=2025-09-30&column=newlyAccepted&limit=99999999999',
      /^limit must be an integer from 1 to 10000/,
    ],
    [
      '/api/statistics?unitId=vn&from=2025-02-31&to=2025-09-30',
      /^from 2025-02-31 không phải ngày có thật \(not a real date\)$/,
    ],
    [
      '/api/statistics?unitId=vn&from=2025-01-01&to=2025-09-30&asKnownAt=2025-02-31T00:00:00Z',
      /^asKnownAt 2025-02-31 không phải ngày có thật/,
    ],
    ['/api/statistics?unitId=vn&from=2025-01-01&to=2025-09-30&asKnownAt=yesterday', /^asKnownAt must be/],
    ['/api/deadlines?unitId=vn&asOf=2025-02-31', /^asOf 2025-02-31 không phải ngày có thật \(not a real date\)$/],
    // 9999-12-31 marks an open end in the read models: a day asked for stays within 1900..2100.
    [
      '/api/watchlists/credit-over-20bn-3y/cases?unitId=vn&asOf=9999-12-31',
      /^asOf must be a day from 1900-01-01 to 2100-12-31$/,
    ],
    ['/api/deadlines?unitId=vn&asOf=1899-12-31', /^asOf must be a day from 1900-01-01 to 2100-12-31$/],
    ['/api/statistics?unitId=vn&from=2025-01-01&to=2101-01-01', /^to must be a day from 1900-01-01 to 2100-12-31$/],
    ['/api/deadlines?unitId=vn&unitId=kg', /unitId must be given once/],
    [
      '/api/deadlines/summary?unitId=vn&from=2025-13-01&to=2025-12-31',
      /^from 2025-13-01 không phải ngày có thật \(not a real date\)$/,
    ],
    ['/api/calendar?from=2025-02-29&to=2025-03-01', /^from 2025-02-29 không phải ngày có thật \(not a real date\)$/],
    ['/api/calendar?from=2025-01-01&from=2025-01-02&to=2025-03-01', /^from must be given once/],
  ])('%s → 400 naming the field', async (url, field) => refused(url, field));

  it('refuses history dates that do not exist', async () => {
    await refused(
      `/api/cases/${caseId}/history?asOf=2025-02-31`,
      /^asOf 2025-02-31 không phải ngày có thật \(not a real date\)$/,
    );
  });

  it('does not echo an invalid offset back, and still pages with sane ones', async () => {
    const bad = await h.http.get(
      '/api/statistics/cases?unitId=vn&from=2025-01-01&to=2025-09-30&column=newlyAccepted&offset=1e20',
    );
    expect(JSON.stringify(bad.body)).not.toContain('100000000000000000000');
    const page = await h.http.get('/api/cases?unitId=vn&limit=500&offset=100000000').expect(200);
    expect(page.body).toMatchObject({ limit: 500, offset: 100000000, items: [] });
  });

  it('bounds revisions in bodies: 1e20 is 400, not a store error', async () => {
    const step = await h.http
      .post(`/api/cases/${caseId}/steps`)
      .send({ step: 'verify', on: '2025-02-01', expectedRevision: 1e20 });
    expect([step.status, step.body.code, step.body.detail]).toEqual([
      400,
      'validation',
      expect.stringContaining('expectedRevision'),
    ]);
    const date = await h.http.post(`/api/cases/${caseId}/steps`).send({ step: 'verify', on: '2025-02-31' });
    expect([date.status, date.body.detail]).toEqual([400, 'on 2025-02-31 không phải ngày có thật (not a real date)']);
    const targets = await h.http
      .put('/api/units/kg/targets/2025')
      .send({ cases: '80.00', money: '40.00', expectedRevision: 1e20 });
    expect([targets.status, targets.body.detail]).toEqual([400, expect.stringContaining('expectedRevision')]);
  });

  it('bounds amounts at 18 digits, so no accepted event can overflow the read models and stop the projector', async () => {
    const huge = await h.http.post('/api/cases').send(newCase({ amountDue: '999999999999999999999' }));
    expect([huge.status, huge.body.code, huge.body.detail]).toEqual([
      400,
      'validation',
      expect.stringContaining('amountDue'),
    ]);
    const collect = await h.http
      .post(`/api/cases/${caseId}/steps`)
      .send({ step: 'collect', on: '2025-02-05', amount: '1000000000000000000' });
    expect([collect.status, collect.body.detail]).toEqual([400, expect.stringContaining('amount')]);
    // The largest amount allowed is projected like any other.
    const largest = await h.http
      .post('/api/cases')
      .send(newCase({ amountDue: '999999999999999999' }))
      .expect(201);
    let lag = -1;
    for (let i = 0; i < 200 && lag !== 0; i++) {
      lag = (await h.http.get('/api/health/details').expect(200)).body.projector.lag;
      if (lag !== 0) await new Promise((r) => setTimeout(r, 25));
    }
    expect(lag).toBe(0);
    const listed = (await h.http.get('/api/cases?unitId=vn&limit=500').expect(200)).body.items.find(
      (c: { caseId: string }) => c.caseId === largest.body.caseId,
    );
    expect(listed.amounts.due).toBe('999999999999999999');
  });
});
