import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';

/** GET /api/watchlists, /api/watchlists/{id}/cases and /api/statistics/outlook over HTTP (issue 27). */
describe('watch lists and the outlook over HTTP', () => {
  let h: Harness;
  let last = 0;
  const as = (role: string, unit: string) => ({
    'x-actor-id': `${role}-${unit}`,
    'x-actor-role': role,
    'x-actor-unit': unit,
  });
  const receive = async (o: Record<string, unknown>) =>
    (last = (await h.http.post('/api/cases').send(newCase(o)).expect(201)).body.position);
  const step = async (caseId: string, body: Record<string, unknown>) =>
    (last = (await h.http.post(`/api/cases/${caseId}/steps`).send(body).expect(200)).body.position);
  const classified = async (caseId: string, on: string) => {
    await step(caseId, { step: 'decide', on });
    await step(caseId, { step: 'verify', on });
    await step(caseId, { step: 'classify', on, class: 'withConditions' });
  };

  beforeAll(async () => {
    h = await startApp();
    h.clock.instant = new Date('2026-06-30T03:00:00.000Z');
    await registerUnits(h);
    const bank = { name: 'Ngân hàng TMCP Công thương', kind: 'creditInstitution' };
    await receive({ caseId: 'w-over', on: '2023-06-30', amountDue: '20000000001', creditor: bank });
    await classified('w-over', '2023-06-30');
    await receive({ caseId: 'w-exact', on: '2023-06-30', amountDue: '20000000000', creditor: bank });
    await classified('w-exact', '2023-06-30');
    await receive({ caseId: 'w-sub', unitId: 'kg-ab', on: '2022-03-01', amountDue: '30000000000', creditor: bank });
    await classified('w-sub', '2022-03-01');
    // An old case without kinds, put right by the correction step.
    await receive({ caseId: 'w-old', on: '2022-03-01', amountDue: '30000000000' });
    await classified('w-old', '2022-03-01');
  });
  afterAll(() => h?.close());

  it('receives the kinds and refuses a kind not in the list', async () => {
    const bad = await h.http
      .post('/api/cases')
      .send(newCase({ caseId: 'w-bad', creditor: { name: 'A', kind: 'bank' } }))
      .expect(400);
    expect(bad.body.code).toBe('validation');
    const empty = await h.http.post('/api/cases/w-old/steps').send({ step: 'recordCaseKinds', on: '2026-06-01' });
    expect(empty.status).toBe(400);
  });

  it('lists the cases leadership follows, with the unknown kinds apart, then the corrected one', async () => {
    const lists = async () =>
      (await h.http.get(`/api/watchlists?unitId=kg&asOf=2026-06-30&minPosition=${last}`).expect(200)).body;
    const before = (await lists()).lists.find((l: { id: string }) => l.id === 'credit-over-20bn-3y');
    expect(before).toMatchObject({ cases: 2, money: '50000000001', unknownKind: 1 });
    await step('w-old', { step: 'recordCaseKinds', on: '2026-06-01', creditorKind: 'creditInstitution' });
    const after = (await lists()).lists.find((l: { id: string }) => l.id === 'credit-over-20bn-3y');
    expect(after).toMatchObject({ cases: 3, money: '80000000001', unknownKind: 0 });
    expect((await lists()).lists.map((l: { id: string }) => l.id)).toEqual([
      'credit-over-20bn-3y',
      'conditions-over-1y',
      'corruption-economic-recovery',
      'auction-unsold-repeatedly',
      'sold-not-delivered',
    ]);
    const page = (
      await h.http
        .get(`/api/watchlists/credit-over-20bn-3y/cases?unitId=kg&asOf=2026-06-30&limit=2&minPosition=${last}`)
        .expect(200)
    ).body;
    expect(page).toMatchObject({ total: 3, money: '80000000001', limit: 2, offset: 0 });
    expect(page.items.map((i: { caseId: string }) => i.caseId)).toEqual(['w-old', 'w-sub']);
    expect(page.items[0]).toMatchObject({
      standing: 'inProgress',
      currentStep: { step: 'recordCaseKinds', on: '2026-06-01' },
      creditorKind: 'creditInstitution',
    });
    // A subunit alone sees its own case only.
    const sub = (await h.http.get(`/api/watchlists/credit-over-20bn-3y/cases?unitId=kg-ab&asOf=2026-06-30`).expect(200))
      .body;
    expect(sub.items.map((i: { caseId: string }) => i.caseId)).toEqual(['w-sub']);
  });

  it('answers an unknown list with 404 watchlist.not-found and keeps to the caller’s scope', async () => {
    const unknown = await h.http.get('/api/watchlists/nope/cases?unitId=kg').expect(404);
    expect(unknown.body.code).toBe('watchlist.not-found');
    await h.http.get('/api/watchlists?unitId=kg-ab').set(as('head', 'kg-ab')).expect(200);
    const out = await h.http.get('/api/watchlists?unitId=kg').set(as('head', 'kg-ab')).expect(403);
    expect(out.body.code).toBe('forbidden');
    await h.http.get('/api/watchlists/credit-over-20bn-3y/cases?unitId=kg-pq').set(as('head', 'kg-ab')).expect(403);
    await h.http.get('/api/statistics/outlook?unitId=kg&year=2026').set(as('head', 'kg-ab')).expect(403);
  });

  it('gives the outlook with its target and the cases that would close the gap', async () => {
    await h.http.put('/api/units/kg/targets/2026').send({ cases: '80.00', money: '40.00' }).expect(200);
    const outlook = (await h.http.get(`/api/statistics/outlook?unitId=kg&year=2026&minPosition=${last}`).expect(200))
      .body;
    expect(outlook).toMatchObject({
      unitId: 'kg',
      year: 2026,
      asOf: '2026-06-30',
      cases: { now: '0.00', target: '80.00', withConditionsNow: '4' },
      money: { target: '40.00' },
    });
    expect(outlook.closeTheGap.map((c: { caseId: string }) => c.caseId)).toEqual([
      'w-old',
      'w-sub',
      'w-over',
      'w-exact',
    ]);
    expect(outlook.closeTheGap[0].adds).toEqual({ cases: expect.any(String), money: expect.any(String) });
  });
});
