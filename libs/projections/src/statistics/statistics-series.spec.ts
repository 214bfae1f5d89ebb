import fc from 'fast-check';
import { collect } from '@thads/event-store';
import { KnownAt } from './known-at';
import { caseScript, recordScript } from './testing/random-history';
import { ledgerHarness } from './testing/ledger-harness';

const day = (n: number) => new Date(Date.parse('2017-06-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);

// Any stretch of the random histories (2017–2023), up to three reporting years, so most cross 1 October.
const range = fc
  .record({
    unitId: fc.constantFrom('vn', 'kg', 'kg-pq', 'kg-ab', 'kh', 'kh-nt'),
    start: fc.integer({ min: 0, max: 2300 }),
    length: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ unitId, start, length }) => ({ unitId, from: day(start), to: day(start + length) }));

describe('statistics series', () => {
  it('gives at each point exactly the report for its period, as known now and at earlier moments, with targets', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseScript, { minLength: 20, maxLength: 60 }),
        fc.array(range, { minLength: 1, maxLength: 3 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (scripts, ranges, cut) => {
          const h = ledgerHarness();
          try {
            await h.units();
            for (const [i, script] of scripts.entries()) await recordScript(h, `c${i}`, script);
            await h.targets({
              unitId: 'kg',
              year: 2020,
              cases: '40',
              money: '30',
              periods: { 6: { cases: '20', money: '15' } },
            });
            await h.targets({ unitId: 'vn', year: 2021, cases: '45.5', money: '33' });
            await h.project();
            const all = await collect(h.store.readAll());
            const instants = all.map((e) => (e.metadata as { recordedAt: string }).recordedAt).sort();
            const knownAts: Array<KnownAt | undefined> = [
              undefined,
              { position: BigInt(Math.floor(Number(await h.head()) * cut)) },
              { recordedAt: instants[Math.floor(cut * (instants.length - 1))] },
            ];
            for (const r of ranges) {
              for (const knownAt of knownAts) {
                const series = await h.queries.series({ ...r, interval: 'month', knownAt });
                expect(series.points.length).toBeGreaterThan(0);
                for (const point of series.points) {
                  const { unitId, asKnownAt, samePeriodLastYear, ...report } = await h.queries.report({
                    unitId: r.unitId,
                    from: point.from,
                    to: point.to,
                    knownAt,
                  });
                  expect([unitId, asKnownAt, samePeriodLastYear !== undefined]).toEqual([
                    r.unitId,
                    series.asKnownAt,
                    true,
                  ]);
                  expect(point).toEqual(report);
                }
              }
            }
          } finally {
            await h.close();
          }
        },
      ),
      { numRuns: 8, interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true },
    );
  });
});
