import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';
import { eventually } from '../support/eventually';

// Long enough that a projector whose event loop a loaded machine holds for a second or two still
// renews in time (300 ms let the waiting process take the lease from a live one); the lease is
// released on shutdown, and a waiting projector retries every third of it, so a takeover still
// takes about 2 s.
const LEASE_MS = '6000';

/** THADS_ROLE: N stateless API replicas and one projector holding a lease in the read store. */
describe('process roles and the projector lease', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'thads-roles-'));
  const started: Harness[] = [];
  const start = async (role: string) => {
    const h = await startApp({ dataDir, env: { THADS_ROLE: role, THADS_PROJECTOR_LEASE_MS: LEASE_MS } });
    started.push(h);
    return h;
  };
  afterAll(async () => {
    for (const h of started) await h.app.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('an api replica writes and reads its own writes while another process projects', async () => {
    const projector = await start('projector');
    const api = await start('api');
    await registerUnits(api);
    const created = await api.http
      .post('/api/cases')
      .send(newCase({ caseId: 'role-1' }))
      .expect(201);
    const list = await api.http.get(`/api/cases?unitId=kg-pq&minPosition=${created.body.position}`).expect(200);
    expect(list.body.items.map((c: { caseId: string }) => c.caseId)).toEqual(['role-1']);
    expect((await api.http.get('/api/health/details').expect(200)).body.projector.projectingHere).toBe(false);
    expect((await projector.http.get('/api/health/details').expect(200)).body.projector.projectingHere).toBe(true);
  });

  it('a second projector waits, then takes over when the first stops', async () => {
    const second = await start('all');
    expect((await second.http.get('/api/health/details').expect(200)).body.projector.projectingHere).toBe(false);
    await started[0].app.close();
    // The lease is released on shutdown; the waiting projector retries every third of its TTL.
    await eventually(
      'the second projector to take the lease',
      async () => (await second.http.get('/api/health/details').expect(200)).body.projector.projectingHere === true,
    );
    const created = await second.http
      .post('/api/cases')
      .send(newCase({ caseId: 'role-2' }))
      .expect(201);
    const list = await second.http.get(`/api/cases?unitId=kg-pq&minPosition=${created.body.position}`).expect(200);
    expect(list.body.total).toBe(2);
  });
});
