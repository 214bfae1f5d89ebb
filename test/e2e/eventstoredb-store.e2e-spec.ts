import { startEsdbDouble } from '../support/esdb-double';
import { Harness, registerUnits, startApp } from '../support/app-harness';
import { walkOnStore } from '../support/store-walk';

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

  it('walks a case, refuses a stale revision, and lists it through the projector', () =>
    walkOnStore(h, 'es-1', 'eventstoredb'));
});
