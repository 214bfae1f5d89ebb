import fc from 'fast-check';
import { collect, RecordedEvent } from '@thads/event-store';
import { DRILL_COLUMNS } from './drill-down-parts';
import { KnownAt } from './known-at';
import { Figures } from './report-shape';
import { caseScript, recordScript } from './testing/random-history';
import { ledgerHarness, LedgerHarness } from './testing/ledger-harness';
import { foldKnown, oracleReport } from './testing/oracle';
import { expectReportIdentities } from './testing/report-identities';

const SUBTREES: Record<string, string[]> = {
  vn: ['vn', 'kg', 'kg-pq', 'kg-ab', 'kh', 'kh-nt'],
  kg: ['kg', 'kg-pq', 'kg-ab'],
  'kg-pq': ['kg-pq'],
  kh: ['kh', 'kh-nt'],
};
const day = (n: number) => new Date(Date.parse('2017-01-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);

/** docs/architecture.md §6 identities, for cases and for money, and what the ledger adds to them. */
const expectIdentities = (report: Figures) => {
  for (const f of expectReportIdentities(report)) {
    expect(f.unclassified <= f.inProgress).toBe(true);
    for (const [k, v] of Object.entries(f)) expect([k, v >= 0n]).toEqual([k, true]);
  }
};

const period = fc
  .record({
    unitId: fc.constantFrom(...Object.keys(SUBTREES)),
    start: fc.integer({ min: 0, max: 2900 }),
    length: fc.integer({ min: 0, max: 800 }),
  })
  .map(({ unitId, start, length }) => ({ unitId, from: day(start), to: day(start + length) }));

describe('statistics ledger over random histories', () => {
  it('holds the identities and equals a naive fold of the events, as known now and at any earlier moment', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseScript, { minLength: 1, maxLength: 20 }),
        fc.array(period, { minLength: 1, maxLength: 4 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        async (scripts, periods, cuts) => {
          const h = ledgerHarness();
          try {
            await h.units();
            for (const [i, script] of scripts.entries()) await recordScript(h, `c${i}`, script);
            await h.project();
            const all = await collect(h.store.readAll());
            const head = await h.head();
            const instants = all.map((e) => (e.metadata as { recordedAt: string }).recordedAt).sort();
            const knownAts: KnownAt[] = [
              { position: head },
              ...cuts.flatMap((cut) => [
                { position: BigInt(Math.floor(Number(head) * cut)) },
                { recordedAt: instants[Math.floor(cut * (instants.length - 1))] },
              ]),
              ...outOfOrder(all)
                .slice(0, 2)
                .map((recordedAt) => ({ recordedAt })),
            ];
            const folds = [undefined, ...knownAts].map((knownAt) => ({ knownAt, cases: foldKnown(all, knownAt) }));
            for (const p of periods) {
              for (const { knownAt, cases } of folds) {
                const report = await h.queries.report({ ...p, knownAt });
                expectIdentities(report);
                expect({ cases: report.cases, money: report.money }).toEqual(
                  oracleReport(cases, SUBTREES[p.unitId], p.from, p.to),
                );
              }
            }
            await expectDrillDownAddsUp(h, periods[0]);
          } finally {
            await h.close();
          }
        },
      ),
      { numRuns: 20, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true },
    );
  });
});

/** Instants at which a case's later step was already recorded but an earlier one not yet. */
const outOfOrder = (all: RecordedEvent[]): string[] => {
  const clock = new Map<string, string>();
  const found: string[] = [];
  for (const e of all) {
    const at = (e.metadata as { recordedAt: string }).recordedAt;
    const latest = clock.get(e.streamId) ?? '';
    if (at < latest) found.push(at);
    else clock.set(e.streamId, at);
  }
  return found;
};

const expectDrillDownAddsUp = async (h: LedgerHarness, p: { unitId: string; from: string; to: string }) => {
  const report = await h.queries.report(p);
  for (const column of DRILL_COLUMNS) {
    const amount = (await h.queries.cases({ ...p, column, money: true })).reduce((t, i) => t + BigInt(i.amount), 0n);
    expect([column, amount.toString()]).toEqual([column, report.money[column]]);
    if (column !== 'reduced')
      expect([column, (await h.queries.cases({ ...p, column, money: false })).length]).toEqual([
        column,
        report.cases[column],
      ]);
  }
};
