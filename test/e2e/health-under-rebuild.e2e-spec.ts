import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoLines, ImportRunner, UnitRegistry } from '@thads/application';
import { SqliteEventStore } from '@thads/event-store';
import { FixedClock, Harness, startApp } from '../support/app-harness';
import { eventually } from '../support/eventually';

/**
 * The API answers while its projector fills an empty read store from a large log (issue 22):
 * the projector runs in a worker thread (THADS_PROJECTOR_THREAD=1; the compiled app's default),
 * so its folds and writes never hold the event loop that answers `/api/health`.
 *
 * The bound: one health request takes well under a millisecond of work; the 100 ms goal is
 * measured by `npm run bench:http`, not here. This test tells a free event loop from a held one:
 * held, a request waits for the whole catch-up (seconds); free, it waits at most for a core. On a
 * shared two-core machine a request now and then waits hundreds of milliseconds for a core
 * whatever the app does (291 ms seen at load 8), so the median is asserted under 250 ms and the
 * slowest under 2 s. The first request, which connects the test's client, is not timed.
 * With the projector on the event loop (THADS_PROJECTOR_THREAD=0) this fails: one request in 34 s
 * was answered, after the whole catch-up (measured 2026-12-05, load average 15).
 */
const CASES = 6_000;
const SLOWEST_MS = 2_000;
const MEDIAN_MS = 250;

describe('GET /api/health while the projector rebuilds a large log', () => {
  let h: Harness | undefined;
  afterAll(() => h?.close());

  it(`answers each request within ${SLOWEST_MS} ms (median ${MEDIAN_MS} ms) until the read models are current`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'thads-e2e-'));
    const clock = new FixedClock();
    // A log of ~45,000 events, written before the app starts: its read store is empty.
    const store = new SqliteEventStore(join(dataDir, 'thads.db'));
    const actor = { id: 'test-import', role: 'system', unitId: 'vn' } as const;
    const summary = await new ImportRunner(store, new UnitRegistry(store), clock, actor).run(
      (async function* () {
        yield* demoLines('2026-11-22', { cases: CASES, seed: 11 });
      })(),
    );
    expect(summary.rejected).toEqual([]);
    const head = Number(await store.headPosition());
    await store.close();
    expect(head).toBeGreaterThan(37_000);

    h = await startApp({ dataDir, clock, env: { THADS_PROJECTOR_THREAD: '1' } });
    // The test's own client connects on its first request (supertest listens then): not timed.
    await h.http.get('/api/health').expect(200);
    const times: number[] = [];
    const caughtUp = await eventually(
      'the read models to reach the head of the log',
      async () => {
        const started = process.hrtime.bigint();
        await h!.http.get('/api/health').expect(200);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        const details = await h!.http.get('/api/health/details').expect(200);
        return details.body.projector.lag === 0 && details.body;
      },
      { everyMs: 5 },
    );
    expect(caughtUp).toMatchObject({ head, projector: { position: head, projectingHere: true } });
    // Asked often enough that the rebuild was seen, not only its end (the catch-up takes seconds;
    // a faster rebuild leaves fewer turns of the loop, so the floor is low).
    expect(times.length).toBeGreaterThan(5);
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `health during the rebuild: ${times.length} requests, slowest ${sorted
        .slice(-5)
        .map((t) => t.toFixed(1))
        .join(', ')} ms`,
    );
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(MEDIAN_MS);
    expect(sorted[sorted.length - 1]).toBeLessThan(SLOWEST_MS);
    // The case list is current: read-your-writes against the last position answers at once.
    const list = await h.http.get(`/api/cases?unitId=vn&limit=1&minPosition=${head}`).expect(200);
    expect(list.body.total).toBeGreaterThan(0);
  });
});
