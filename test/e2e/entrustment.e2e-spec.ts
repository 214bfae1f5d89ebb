import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';

// Entrustment over HTTP (Luật THADS Điều 55–57): only to another registered unit, which then has
// the case in its list, received, for what is still due, with a reference to the source case.
describe('entrusting a case to another unit over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp();
    await registerUnits(h);
    await h.http
      .post('/api/cases')
      .send(newCase({ caseId: 'ut-1', amountDue: '90000000' }))
      .expect(201);
    await h.http.post('/api/cases/ut-1/steps').send({ step: 'decide', on: '2025-02-03' }).expect(200);
    await h.http
      .post('/api/cases/ut-1/steps')
      .send({ step: 'collect', on: '2025-02-10', amount: '30000000' })
      .expect(200);
  });
  afterAll(() => h.close());

  it('refuses a unit nobody registered: 422 unit.not-found on toUnitId', async () => {
    const res = await h.http
      .post('/api/cases/ut-1/steps')
      .send({ step: 'entrust', on: '2025-03-03', toUnitId: 'hn-bd' })
      .expect(422);
    expect(res.body).toMatchObject({ code: 'unit.not-found', field: 'toUnitId' });
  });

  it("refuses the case's own unit: 409 case.step-not-allowed citing Điều 55", async () => {
    const res = await h.http
      .post('/api/cases/ut-1/steps')
      .send({ step: 'entrust', on: '2025-03-03', toUnitId: 'kg-pq' })
      .expect(409);
    expect(res.body).toMatchObject({
      code: 'case.step-not-allowed',
      reason: 'entrust-to-own-unit',
      legalBasis: expect.stringMatching(/Điều 55/),
    });
  });

  it('refuses the central department, which enforces no case: 422 unit.cannot-receive-entrustment citing Điều 55', async () => {
    const res = await h.http
      .post('/api/cases/ut-1/steps')
      .send({ step: 'entrust', on: '2025-03-03', toUnitId: 'vn' })
      .expect(422);
    expect(res.body).toMatchObject({
      code: 'unit.cannot-receive-entrustment',
      field: 'toUnitId',
      legalBasis: expect.stringMatching(/Điều 55/),
    });
  });

  it('refuses a unit on a day it no longer exists (dissolved 30 June 2025)', async () => {
    await h.http
      .post('/api/units')
      .send({ unitId: 'kg-rg', name: 'Chi cục THADS Rạch Giá', level: 'district', parentId: 'kg', until: '2025-06-30' })
      .expect(201);
    await h.http
      .post('/api/cases')
      .send(newCase({ caseId: 'ut-2', on: '2025-07-01' }))
      .expect(201);
    await h.http.post('/api/cases/ut-2/steps').send({ step: 'decide', on: '2025-07-02' }).expect(200);
    const res = await h.http
      .post('/api/cases/ut-2/steps')
      .send({ step: 'entrust', on: '2025-07-03', toUnitId: 'kg-rg' })
      .expect(422);
    expect(res.body).toMatchObject({
      code: 'unit.cannot-receive-entrustment',
      detail: expect.stringContaining('không còn tồn tại'),
    });
  });

  it('gives the receiving unit a received case, in its list, referring to the source', async () => {
    const done = await h.http
      .post('/api/cases/ut-1/steps')
      .send({ step: 'entrust', on: '2025-03-03', toUnitId: 'kg-ab' })
      .expect(200);
    expect(done.body).toMatchObject({ caseId: 'ut-1', state: 'entrusted' });
    const received = await h.http.get(`/api/cases/ut-1.ut?minPosition=${done.body.position}`).expect(200);
    expect(received.body).toMatchObject({
      caseId: 'ut-1.ut',
      unitId: 'kg-ab',
      state: 'received',
      amounts: { due: '60000000' },
    });
    const list = await h.http.get(`/api/cases?unitId=kg-ab&minPosition=${done.body.position}`).expect(200);
    expect(JSON.stringify(list.body)).toContain('ut-1.ut');
    // Both histories carry the link: the source names the receiving case, the receiving case its source.
    const source = await h.http.get('/api/cases/ut-1/history').expect(200);
    expect(source.body.events.at(-1).data).toMatchObject({ toUnitId: 'kg-ab', entrustedCaseId: 'ut-1.ut' });
    const target = await h.http.get('/api/cases/ut-1.ut/history').expect(200);
    expect(target.body.events[0].data).toMatchObject({
      entrustedFrom: { caseId: 'ut-1', unitId: 'kg-pq', firstDecisionOn: '2025-02-03' },
    });
    // The receiving unit's decision is due within 5 working days (Luật THADS Điều 57.1.b).
    const due = await h.http
      .get(`/api/deadlines?unitId=kg-ab&asOf=2025-03-12&minPosition=${done.body.position}`)
      .expect(200);
    expect(due.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          caseId: 'ut-1.ut',
          rule: 'receiver-decides-entrusted-case',
          due: '2025-03-10',
          status: 'overdue',
        }),
      ]),
    );
    // And so do the case views the console's case page reads.
    expect((await h.http.get('/api/cases/ut-1').expect(200)).body.entrustedTo).toEqual({
      caseId: 'ut-1.ut',
      unitId: 'kg-ab',
    });
    expect(received.body).toMatchObject({
      entrustedFrom: { caseId: 'ut-1', unitId: 'kg-pq' },
      entrustedTo: null,
      latestStep: null,
    });
  });
});
