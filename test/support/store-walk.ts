import { Harness, newCase } from './app-harness';

/** The same short walk on any event store: a case, a stale revision refused, the list projected. */
export const walkOnStore = async (h: Harness, caseId: string, eventStoreKind: string) => {
  await h.http.post('/api/cases').send(newCase({ caseId })).expect(201);
  const decided = await h.http
    .post(`/api/cases/${caseId}/steps`)
    .send({ step: 'decide', on: '2025-02-03' })
    .expect(200);
  expect(decided.body).toMatchObject({ state: 'decided', revision: 1 });
  const stale = await h.http
    .post(`/api/cases/${caseId}/steps`)
    .send({ step: 'notify', on: '2025-02-04', expectedRevision: 0 })
    .expect(409);
  expect(stale.body).toMatchObject({ code: 'case.revision-conflict', currentRevision: 1 });
  const list = await h.http.get(`/api/cases?unitId=kg&minPosition=${decided.body.position}`).expect(200);
  expect(list.body.items).toEqual([expect.objectContaining({ caseId, state: 'decided' })]);
  expect((await h.http.get('/api/health/details').expect(200)).body.eventStore).toBe(eventStoreKind);
};
