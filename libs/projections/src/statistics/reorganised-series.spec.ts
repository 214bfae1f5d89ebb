import fc from 'fast-check';
import { CASE_KEYS, Figures, MONEY_KEYS } from './report-shape';
import { KnownAt } from './known-at';
import { statisticsByUnit } from './statistics-by-unit';
import { caseScript } from './testing/random-history';
import { ledgerHarness, LedgerHarness, TEST_UNITS } from './testing/ledger-harness';
import { historyBefore, merge, MERGES, periodsAround } from './testing/merged-2025';

// Issue 26 (docs/reorganisation.md §4): the monthly series and the report by subunit take the
// unit as it was on each period's end, as the report does. Over random histories ending before a
// merge of 1 July, each point of a series across the merge is the report for its range (as known
// now and as known before the merge was recorded), the points before the merge are what they were,
// a unit formed by the merge shows the sum of what it continues, and each row by subunit is the
// report of its unit.
const figures = (r: Figures) => ({ cases: r.cases, money: r.money });

/** Σ of several reports' figures, key by key (rates left out: they are not sums). */
const sum = (parts: Figures[]) => ({
  cases: Object.fromEntries(
    CASE_KEYS.filter((k) => k !== 'rate').map((k) => [k, parts.reduce((t, p) => t + (p.cases[k] as number), 0)]),
  ),
  money: Object.fromEntries(
    MONEY_KEYS.filter((k) => k !== 'rate').map((k) => [
      k,
      parts.reduce((t, p) => t + BigInt(p.money[k]), 0n).toString(),
    ]),
  ),
});
const withoutRates = (f: Figures) => {
  const { rate: _c, ...cases } = f.cases;
  const { rate: _m, ...money } = f.money;
  return { cases, money };
};

const seriesOf = (h: LedgerHarness, unitId: string, range: { from: string; to: string }, knownAt?: KnownAt) =>
  h.queries.series({ unitId, ...range, interval: 'month', knownAt });

/** Every point equal to the report for its range, with the same asKnownAt. */
const expectPointsAreReports = async (
  h: LedgerHarness,
  unitId: string,
  range: { from: string; to: string },
  knownAt?: KnownAt,
) => {
  const series = await seriesOf(h, unitId, range, knownAt);
  for (const point of series.points) {
    const {
      unitId: _u,
      asKnownAt: _a,
      samePeriodLastYear: _s,
      ...report
    } = await h.queries.report({
      unitId,
      from: point.from,
      to: point.to,
      knownAt,
    });
    expect([unitId, point]).toEqual([unitId, report]);
  }
  return series;
};

describe.each(Object.entries(MERGES))('a series across a merge of 1 July (%s)', (scenario, changes) => {
  const successors = changes.flatMap((c) => c.successors.map((s) => s.unitId));
  const formed = successors.filter((s) => !TEST_UNITS.some((u) => u.unitId === s));
  const absorbing = successors.filter((s) => !formed.includes(s));

  it('gives at each point the report for its range, the units as they were on its end', async () => {
    let moved = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseScript, { minLength: 8, maxLength: 20 }),
        fc.integer({ min: 2019, max: 2023 }),
        async (scripts, year) => {
          const on = `${year}-07-01`;
          const range = { from: `${year - 1}-10-01`, to: `${year}-12-31` };
          const h = ledgerHarness();
          try {
            const ids = await historyBefore(h, scripts, on);
            await h.project();
            const head = await h.head();
            const before = new Map<string, Awaited<ReturnType<typeof seriesOf>>>();
            for (const u of TEST_UNITS) before.set(u.unitId, await seriesOf(h, u.unitId, range));

            moved += await merge(h, changes, on, ids);
            await h.project();

            for (const unitId of [...before.keys(), ...formed]) {
              const now = await expectPointsAreReports(h, unitId, range);
              const then = await expectPointsAreReports(h, unitId, range, { position: head });
              const old = before.get(unitId);
              if (old) {
                // As known before the merge was recorded: the series produced then.
                expect([unitId, then.points]).toEqual([unitId, old.points]);
                // The months before the merge are what they were.
                const early = (p: { to: string }) => p.to < on;
                expect([unitId, now.points.filter(early)]).toEqual([unitId, old.points.filter(early)]);
              }
              // The nation never moves: a transfer within it counts on both sides.
              if (unitId === 'vn') expect(now.points.map(figures)).toEqual(old!.points.map(figures));
              for (const p of now.points) {
                if (absorbing.includes(unitId))
                  // It covers its predecessors only from the merge.
                  expect([unitId, p.to, p.includes?.includes('kh') ?? false]).toEqual([unitId, p.to, p.to >= on]);
                if (formed.includes(unitId) && p.to < on) {
                  // Before it existed, a unit formed by the merge is the sum of those it continues.
                  const predecessors = changes.find((c) => c.successors.some((s) => s.unitId === unitId))!.predecessors;
                  const parts = predecessors.map((u) => before.get(u)!.points.find((x) => x.to === p.to)!);
                  expect([unitId, p.to, withoutRates(p)]).toEqual([unitId, p.to, sum(parts)]);
                  expect(p.includes).toEqual(expect.arrayContaining(predecessors));
                }
              }
            }
          } finally {
            await h.close();
          }
        },
      ),
      { numRuns: 4, interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true },
    );
    // The histories must move some cases for the property to say anything.
    expect(moved).toBeGreaterThan(0);
  }, 180_000);

  it('gives by subunit the units directly under it on the period end, each row its unit’s report', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseScript, { minLength: 8, maxLength: 16 }),
        fc.integer({ min: 2019, max: 2023 }),
        async (scripts, year) => {
          const on = `${year}-07-01`;
          const h = ledgerHarness();
          try {
            const ids = await historyBefore(h, scripts, on);
            await h.project();
            await merge(h, changes, on, ids);
            await h.project();
            for (const unitId of ['vn', 'kg', ...successors])
              for (const period of Object.values(periodsAround(year))) {
                const byUnit = await statisticsByUnit(h.readStore, { unitId, ...period });
                const report = await h.queries.report({ unitId, ...period });
                const [total, ...rest] = byUnit.rows;
                expect([unitId, period, figures(total)]).toEqual([unitId, period, figures(report)]);
                const subtrees = rest.filter((r) => r.scope === 'subtree');
                for (const row of subtrees)
                  expect([row.unitId, period, figures(row)]).toEqual([
                    row.unitId,
                    period,
                    figures(await h.queries.report({ unitId: row.unitId, ...period })),
                  ]);
                const own = rest.find((r) => r.scope === 'own');
                if (own) expect(sum([own, ...subtrees])).toEqual(withoutRates(total));
                expect([unitId, period, subtrees.map((r) => r.unitId)]).toEqual([
                  unitId,
                  period,
                  SUBUNITS[scenario as keyof typeof MERGES][unitId]?.[period.to < on ? 0 : 1] ?? [],
                ]);
              }
          } finally {
            await h.close();
          }
        },
      ),
      { numRuns: 3, interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true },
    );
  }, 180_000);
});

/** The rows by subunit of each unit, for the 9 months before the merge and the year ending after it. */
const SUBUNITS: Record<keyof typeof MERGES, Record<string, [string[], string[]]>> = {
  absorbed: {
    vn: [['kg', 'kh'], ['kg']],
    kg: [
      ['kg-ab', 'kg-pq'],
      ['kg-kv', 'kh-nt'],
    ],
  },
  newProvince: {
    vn: [['kg', 'kh'], ['p-new']],
    kg: [['kg-ab', 'kg-pq'], []],
    'p-new': [
      ['kg-ab', 'kg-pq', 'kh-nt'],
      ['kg-ab', 'kg-pq', 'kh-nt'],
    ],
  },
};
