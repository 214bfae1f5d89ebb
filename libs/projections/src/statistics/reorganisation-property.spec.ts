import fc from 'fast-check';
import { addDays, Reorganise } from '@thads/domain';
import { UnitHistoryQueries } from '../units/unit-history-queries';
import { caseScript, recordScript } from './testing/random-history';
import { ledgerHarness } from './testing/ledger-harness';
import { reorganise } from './testing/reorganise';
import { Figures } from './report-shape';

// Issue 26 (docs/reorganisation.md): over random histories and a random reorganisation of 1 July
// of a random year, the nation's report never moves, the nation is the sum of the provinces that
// exist on the period's end, and a report asked as known before the reorganisation was recorded
// is the one produced then.
const REORGANISATIONS: Array<Omit<Reorganise, 'on' | 'today' | 'reorganisationId'>> = [
  {
    kind: 'merge',
    predecessors: ['kg-pq', 'kg-ab'],
    successors: [{ unitId: 'kg-kv', name: 'Phòng khu vực', level: 'district', parentId: 'kg' }],
  },
  {
    kind: 'merge',
    predecessors: ['kg', 'kh'],
    successors: [{ unitId: 'p-new', name: 'Tỉnh mới', level: 'province', parentId: 'vn' }],
  },
  {
    kind: 'split',
    predecessors: ['kh-nt'],
    successors: [
      { unitId: 'kh-a', name: 'A', level: 'district', parentId: 'kh' },
      { unitId: 'kh-b', name: 'B', level: 'district', parentId: 'kh' },
    ],
  },
];

const figures = (r: Figures) => ({ cases: r.cases, money: r.money });

describe('statistics over random histories with a random reorganisation', () => {
  let moved = 0;
  // The histories must move some cases for the property to say anything.
  afterAll(() => expect(moved).toBeGreaterThan(0));
  it('keeps the nation, sums the provinces of the day, and reproduces what was known before', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseScript, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: REORGANISATIONS.length - 1 }),
        fc.integer({ min: 2018, max: 2025 }),
        fc.array(fc.record({ start: fc.integer({ min: 0, max: 3000 }), length: fc.integer({ min: 0, max: 700 }) }), {
          minLength: 2,
          maxLength: 3,
        }),
        async (scripts, which, year, spans) => {
          const on = `${year}-07-01`;
          const h = ledgerHarness();
          try {
            await h.units();
            const ids = scripts.map((_, i) => `c${i}`);
            // Every step before the change: a reorganisation is recorded before the steps after it.
            for (const [i, script] of scripts.entries()) await recordScript(h, ids[i], script, addDays(on, -1));
            await h.project();
            const periods = spans.map(({ start, length }) => ({
              from: addDays('2017-01-01', start),
              to: addDays('2017-01-01', start + length),
            }));
            const before = await Promise.all(periods.map((p) => h.queries.report({ unitId: 'vn', ...p })));
            const last = { from: `${year - 1}-10-01`, to: addDays(on, -1) };
            const producedThen = await Promise.all(
              ['kg', 'kg-pq', 'kh'].map((unitId) => h.queries.report({ unitId, ...last })),
            );
            const head = await h.head();

            const r = REORGANISATIONS[which];
            // A split places every other open case of the split unit in its second successor.
            const plan = await reorganise(
              h,
              { ...r, on, today: '2026-11-22', reorganisationId: `r-${which}` },
              ids,
              r.kind === 'split'
                ? (open) =>
                    Object.fromEntries([
                      ['*', 'kh-a'],
                      ...open
                        .filter((k, i) => i % 2 === 0 && r.predecessors.includes(k.unitId))
                        .map((k) => [k.caseId, 'kh-b']),
                    ])
                : undefined,
            );
            moved += plan.transfers.length;
            await h.project();

            for (const [i, p] of periods.entries())
              expect(figures(await h.queries.report({ unitId: 'vn', ...p }))).toEqual(figures(before[i]));
            for (const [i, unitId] of ['kg', 'kg-pq', 'kh'].entries())
              expect(figures(await h.queries.report({ unitId, ...last, knownAt: { position: head } }))).toEqual(
                figures(producedThen[i]),
              );
            const history = new UnitHistoryQueries(h.readStore);
            for (const p of [...periods, { from: `${year - 1}-10-01`, to: `${year}-09-30` }]) {
              const provinces = (await history.asOf(p.to)).filter((u) => u.level === 'province');
              const nation = await h.queries.report({ unitId: 'vn', ...p });
              const parts = await Promise.all(provinces.map((u) => h.queries.report({ unitId: u.unitId, ...p })));
              for (const key of [
                'carriedOver',
                'newlyAccepted',
                'completed',
                'carriedForward',
                'withConditions',
              ] as const)
                expect([p, key, parts.reduce((t, x) => t + x.cases[key], 0)]).toEqual([p, key, nation.cases[key]]);
              for (const key of ['total', 'completed', 'carriedForward'] as const)
                expect([p, key, parts.reduce((t, x) => t + BigInt(x.money[key]), 0n)]).toEqual([
                  p,
                  key,
                  BigInt(nation.money[key]),
                ]);
            }
          } finally {
            await h.close();
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
