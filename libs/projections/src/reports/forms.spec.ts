import fc from 'fast-check';
import { caseScript, recordScript } from '../statistics/testing/random-history';
import { buildForm } from './build-form';
import { BuiltForm, formInForce } from './forms';
import { formXlsx } from './render/form-xlsx';
import { formFailures, xlsxDifferences } from './testing/form-checks';
import { formsHarness } from './testing/forms-harness';

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
/** A cumulative period of reporting year `year` (1 October – the end of its `months`-th month). */
const periodOf = (year: number, months: number) => {
  const m = ((9 + months - 1) % 12) + 1;
  return { from: `${year - 1}-10-01`, to: lastDay(m >= 10 ? year - 1 : year, m) };
};
const CTX = { receiverName: 'Bộ Tư pháp', preparedOn: '2026-11-22' };

describe('report forms over random histories', () => {
  it('hold every identity, add up by rows and columns, match the statistics report, and read back from .xlsx cell by cell', async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseScript, { minLength: 1, maxLength: 16 }),
        fc.record({
          unitId: fc.constantFrom('vn', 'kg', 'kg-pq', 'kh'),
          year: fc.integer({ min: 2020, max: 2026 }),
          months: fc.integer({ min: 4, max: 12 }),
        }),
        async (scripts, p) => {
          const h = formsHarness();
          try {
            await h.units();
            for (const [i, script] of scripts.entries()) await recordScript(h, `c${i}`, script);
            await h.project();
            const period = { unitId: p.unitId, ...periodOf(p.year, p.months) };
            const report = await h.queries.report(period);
            for (const id of ['01', '02', '04', '05']) {
              const def = formInForce(id, period.to) as BuiltForm;
              const { form } = await buildForm(h.readStore, def, period);
              if (form.totals.total !== '0') nonEmpty++;
              // Known now (the origin ledger's daily sums for 01, 02) = known at the head (the per-case moves).
              const atHead = (await buildForm(h.readStore, def, { ...period, knownAt: { position: await h.head() } }))
                .form;
              expect([id, atHead.rows, atHead.totals]).toEqual([id, form.rows, form.totals]);
              expect([id, formFailures(form)]).toEqual([id, []]);
              expect([id, await xlsxDifferences(await formXlsx(form, CTX), form)]).toEqual([id, []]);
              for (const c of form.columns) {
                if (def.measure === 'cases') {
                  expect([id, c.key, form.totals[c.key]]).toEqual([
                    id,
                    c.key,
                    String(report.cases[c.key as keyof typeof report.cases]),
                  ]);
                } else if (c.key === 'rate') {
                  expect([id, form.totals.rate]).toEqual([id, report.money.rate]);
                } else {
                  // Rounded to thousands: within half a thousand per leaf row of the exact đồng.
                  const leaves = BigInt(
                    form.rows.filter((r) => !form.rows.some((x) => x.depth === 1) || r.depth === 1).length || 1,
                  );
                  const diff =
                    BigInt(form.totals[c.key]) * 1000n - BigInt(report.money[c.key as keyof typeof report.money]);
                  expect([id, c.key, (diff < 0n ? -diff : diff) <= 2000n * leaves]).toEqual([id, c.key, true]);
                }
              }
            }
          } finally {
            await h.close();
          }
        },
      ),
      { numRuns: 15, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: true },
    );
    // The property is not vacuous: most generated periods have cases in them.
    expect(nonEmpty).toBeGreaterThan(20);
  });
});
