import { HealthMonitor } from '../../apps/api/src/health/health-monitor';
import { PROJECTOR_LAG_LIMIT_MS, StoreHealth } from '../../apps/api/src/health/store-health';
import { Harness, startApp } from '../support/app-harness';
import { eventually } from '../support/eventually';

/** Issue 21.4: health through @nestjs/terminus, the public check from memory. */
describe('health', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('answers the public check from the last background result, without asking the stores each time', async () => {
    h = await startApp();
    const checks = h.app.get(StoreHealth);
    const eventStore = jest.spyOn(checks, 'eventStore');
    const readStore = jest.spyOn(checks, 'readStore');
    for (let i = 0; i < 20; i++) expect((await h.http.get('/api/health').expect(200)).body).toEqual({ status: 'ok' });
    // At most the background refreshes that fell in the meantime (one per 5 s), not one per request.
    expect(eventStore.mock.calls.length).toBeLessThan(5);
    expect(readStore.mock.calls.length).toBeLessThan(5);
  });

  it('goes 503 store.unavailable once a check finds a store out of reach, and back to 200 when it answers again', async () => {
    h = await startApp();
    const checks = h.app.get(StoreHealth);
    const monitor = h.app.get(HealthMonitor);
    const down = jest
      .spyOn(checks, 'readStore')
      .mockResolvedValue({ readStore: { status: 'down', message: 'connection refused' } });
    await monitor.refresh();
    const res = await h.http.get('/api/health').expect(503);
    expect(res.type).toBe('application/problem+json');
    expect(res.body).toMatchObject({ code: 'store.unavailable', detail: 'unreachable: readStore' });
    expect(res.headers['retry-after']).toBe('2');
    const details = (await h.http.get('/api/health/details').expect(200)).body;
    expect(details.status).toBe('error');
    expect(details.error.readStore).toEqual({ status: 'down', message: 'connection refused' });
    down.mockRestore();
    await monitor.refresh();
    await h.http.get('/api/health').expect(200);
  });

  it('reports the terminus indicators to the administrator: both stores up, the projector caught up', async () => {
    h = await startApp();
    await h.http.post('/api/units').send({ unitId: 'vn', name: 'Cục Quản lý THADS', level: 'central' }).expect(201);
    const details = await eventually('the projector to catch up', async () => {
      const body = (await h.http.get('/api/health/details').expect(200)).body;
      return body.projector.lag === 0 && body;
    });
    expect(details).toMatchObject({
      status: 'ok',
      role: 'all',
      eventStore: 'sqlite',
      readStore: 'sqlite',
      error: {},
      projector: { lag: 0, waitingMs: 0, projectingHere: true },
    });
    expect(details.details.eventStore).toEqual({ status: 'up', head: details.head });
    expect(details.details.readStore).toEqual({ status: 'up', kind: 'sqlite' });
    expect(details.details.projector).toMatchObject({
      status: 'up',
      behind: 0,
      waitingMs: 0,
      limitMs: PROJECTOR_LAG_LIMIT_MS,
    });
  });

  it('marks the projector down when the oldest unprojected event has waited past the limit, the public check staying up', async () => {
    // An API replica projects nothing: what it appends waits for a projector that is not there.
    h = await startApp({ env: { THADS_ROLE: 'api' } });
    await h.http.post('/api/units').send({ unitId: 'vn', name: 'Cục Quản lý THADS', level: 'central' }).expect(201);
    const fresh = (await h.http.get('/api/health/details').expect(200)).body;
    expect(fresh.status).toBe('ok');
    expect(fresh.details.projector).toMatchObject({ status: 'up', behind: 1, waitingMs: 0, projectingHere: false });
    h.clock.instant = new Date(h.clock.instant.getTime() + PROJECTOR_LAG_LIMIT_MS + 1_000);
    const late = (await h.http.get('/api/health/details').expect(200)).body;
    expect(late.status).toBe('error');
    expect(late.error.projector).toMatchObject({
      status: 'down',
      behind: 1,
      waitingMs: PROJECTOR_LAG_LIMIT_MS + 1_000,
    });
    expect(late.projector).toMatchObject({ lag: 1, waitingMs: PROJECTOR_LAG_LIMIT_MS + 1_000 });
    // Stale lists are no reason for a load balancer to stop sending requests here.
    await h.http.get('/api/health').expect(200);
  });
});
