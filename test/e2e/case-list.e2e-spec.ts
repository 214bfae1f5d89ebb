import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';

describe('case list and units read models', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp();
    await registerUnits(h);
  });
  afterAll(() => h?.close());

  it('lists a province with its districts, reading its own writes through minPosition', async () => {
    await h.http
      .post('/api/cases')
      .send(newCase({ caseId: 'list-pq', unitId: 'kg-pq' }))
      .expect(201);
    const last = await h.http
      .post('/api/cases')
      .send(newCase({ caseId: 'list-ab', unitId: 'kg-ab' }))
      .expect(201);
    const province = await h.http.get(`/api/cases?unitId=kg&minPosition=${last.body.position}`).expect(200);
    expect(province.body.items.map((c: { caseId: string }) => c.caseId).sort()).toEqual(['list-ab', 'list-pq']);
    const district = await h.http.get(`/api/cases?unitId=kg-ab&minPosition=${last.body.position}`).expect(200);
    expect(district.body).toMatchObject({
      total: 1,
      items: [{ caseId: 'list-ab', state: 'received', statisticClass: 'notAccepted' }],
    });
  });

  it('follows steps in the list', async () => {
    const res = await h.http.post('/api/cases/list-pq/steps').send({ step: 'decide', on: '2025-02-03' }).expect(200);
    const list = await h.http.get(`/api/cases?unitId=kg-pq&state=decided&minPosition=${res.body.position}`).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ caseId: 'list-pq', state: 'decided', statisticClass: 'unclassified', revision: 1 }),
    ]);
  });

  it('keeps the unit tree and refuses a district under a district', async () => {
    const units = await h.http.get('/api/units').expect(200);
    expect(units.body.items.map((u: { unitId: string }) => u.unitId)).toEqual(['vn', 'kg', 'kg-ab', 'kg-pq']);
    const res = await h.http
      .post('/api/units')
      .send({ unitId: 'x', name: 'X', level: 'district', parentId: 'kg-pq' })
      .expect(422);
    expect(res.body.code).toBe('unit.parent-level');
    expect(
      (
        await h.http
          .post('/api/units')
          .send({ unitId: 'kg', name: 'dup', level: 'province', parentId: 'vn' })
          .expect(409)
      ).body.code,
    ).toBe('unit.already-exists');
  });

  it('validates list parameters', async () => {
    expect((await h.http.get('/api/cases').expect(400)).body.code).toBe('validation');
    expect((await h.http.get('/api/cases?unitId=kg&limit=0').expect(400)).body.code).toBe('validation');
  });
});
