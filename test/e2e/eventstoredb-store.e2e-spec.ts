import { startEsdbDouble } from '../support/esdb-double';
import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';

/** The same API on EventStoreDB (THADS_EVENT_STORE=esdb://…), through the real client and the protocol double. */
describe('the API on EventStoreDB through the official client', () => {
  let double: Awaited<ReturnType<typeof startEsdbDouble>>;
  let h: Harness;
  beforeAll(async () => {
    double = await startEsdbDouble();
    h = await startApp({ env: { THADS_EVENT_STORE: double.connectionString } });
    await registerUnits(h);
  });
  afterAll(async () => {
    await h.close();
    await double.stop();
  });

  it('walks a case, refuses a stale revision, and lists it through the projector', async () => {
    await h.http.post('/api/cases').send(newCase({ caseId: 'es-1' })).expect(201);
    const decided = await h.http.post('/api/cases/es-1/steps').send({ step: 'decide', on: '2025-02-03' }).expect(200);
    expect(decided.body).toMatchObject({ state: 'decided', revision: 1 });
    const stale = await h.http.post('/api/cases/es-1/steps').send({ step: 'notify', on: '2025-02-04', expectedRevision: 0 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'case.revision-conflict', currentRevision: 1 });
    const list = await h.http.get(`/api/cases?unitId=kg&minPosition=${decided.body.position}`).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ caseId: 'es-1', state: 'decided' })]);
    expect((await h.http.get('/api/health').expect(200)).body.eventStore).toBe('eventstoredb');
  });
});
