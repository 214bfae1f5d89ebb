import fc from 'fast-check';
import { caseScript } from '../statistics/testing/random-history';
import { historyBefore, merge, MERGES, periodsAround } from '../statistics/testing/merged-2025';
import { buildForm } from './build-form';
import { BuiltForm, formInForce } from './forms';
import { formXlsx } from './render/form-xlsx';
import { formFailures, xlsxDifferences } from './testing/form-checks';
import { formsHarness, FormsHarness } from './testing/forms-harness';

// Issue 26 (docs/reorganisation.md §4): a form's rows are the units as they were on the period's
// end, each covering what it continues, as the statistics report does. Over random histories
// ending before a merge of 1 July: the rows for the 9 months before and for the year ending after,
// each unit row the report of its unit, the totals the report of the form's unit, the nation's form
// unchanged, and the per-case moves (as known at the head) giving the same form as the daily sums.
const CTX = { receiverName: 'Bộ Tư pháp', preparedOn: '2026-11-22' };
const FORM_IDS = ['01', '02', '04', '05'];

/**
 * The rows by subunit (forms 01, 02) of each unit, for the 9 months before the merge and the year
 * ending after it. Not the year of a province that ended on 30 June: its own form would show its
 * cases leaving by transfer, which the forms have no column for (docs/reorganisation.md §7).
 */
const ROWS: Record<keyof typeof MERGES, Record<string, [string[], string[] | null]>> = {
  absorbed: {
    vn: [
      ['vn', 'kg', 'kh'],
      ['vn', 'kg'],
    ],
    kg: [
      ['kg', 'kg-ab', 'kg-pq'],
      ['kg', 'kg-kv', 'kh-nt'],
    ],
    'kg-kv': [['kg-kv'], ['kg-kv']],
  },
  newProvince: {
    vn: [
      ['vn', 'kg', 'kh'],
      ['vn', 'p-new'],
    ],
    kg: [['kg', 'kg-ab', 'kg-pq'], null],
    'p-new': [
      ['p-new', 'kg-ab', 'kg-pq', 'kh-nt'],
      ['p-new', 'kg-ab', 'kg-pq', 'kh-nt'],
    ],
  },
};

const formOf = async (h: FormsHarness, id: string, q: { unitId: string; from: string; to: string }) =>
  (await buildForm(h.readStore, formInForce(id, q.to) as BuiltForm, q)).form;

describe.each(Object.entries(MERGES))('report forms across a merge of 1 July (%s)', (scenario, changes) => {
  it('lay out the units as they were on the period end, each row its unit’s report, the nation unchanged', async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseScript, { minLength: 6, maxLength: 14 }),
        // Forms exist from TT 06/2019 (in force 5 January 2020).
        fc.integer({ min: 2020, max: 2025 }),
        async (scripts, year) => {
          const on = `${year}-07-01`;
          const periods = Object.values(periodsAround(year));
          const h = formsHarness();
          try {
            const ids = await historyBefore(h, scripts, on);
            await h.project();
            const nation = new Map<string, Awaited<ReturnType<typeof formOf>>>();
            for (const id of FORM_IDS)
              for (const p of periods) nation.set(`${id} ${p.to}`, await formOf(h, id, { unitId: 'vn', ...p }));

            await merge(h, changes, on, ids);
            await h.project();
            const head = await h.head();

            for (const [unitId, [rowsBefore, rowsAfter]] of Object.entries(ROWS[scenario as keyof typeof MERGES]))
              for (const period of periods) {
                const expected = period.to < on ? rowsBefore : rowsAfter;
                if (!expected) continue;
                const q = { unitId, ...period };
                const report = await h.queries.report(q);
                for (const id of FORM_IDS) {
                  const def = formInForce(id, period.to) as BuiltForm;
                  const { form } = await buildForm(h.readStore, def, q);
                  const where = [id, unitId, period.to];
                  if (form.totals.total !== '0') nonEmpty++;
                  expect([...where, formFailures(form)]).toEqual([...where, []]);
                  expect([...where, await xlsxDifferences(await formXlsx(form, CTX), form)]).toEqual([...where, []]);
                  // The per-case moves (as known at the head) give the form the daily sums give.
                  const atHead = (await buildForm(h.readStore, def, { ...q, knownAt: { position: head } })).form;
                  expect([...where, atHead.rows, atHead.totals]).toEqual([...where, form.rows, form.totals]);
                  expect([...where, form.includes]).toEqual([...where, report.includes]);
                  if (def.measure === 'cases') {
                    // The totals are the report of the form's unit.
                    for (const c of form.columns)
                      expect([...where, c.key, form.totals[c.key]]).toEqual([
                        ...where,
                        c.key,
                        String(report.cases[c.key as keyof typeof report.cases]),
                      ]);
                  }
                  if (def.rows !== 'subunits') continue;
                  const units = form.rows.filter((r) => r.depth === 0);
                  expect([...where, units.map((r) => r.unitId)]).toEqual([...where, expected]);
                  // Each subunit's row is its own report (a row's total is the figure of its unit).
                  if (def.measure === 'cases')
                    for (const row of units.filter((r) => r.unitId !== unitId)) {
                      const own = await h.queries.report({ unitId: row.unitId, ...period });
                      for (const c of form.columns)
                        expect([...where, row.unitId, c.key, row.cells[c.key]]).toEqual([
                          ...where,
                          row.unitId,
                          c.key,
                          String(own.cases[c.key as keyof typeof own.cases]),
                        ]);
                    }
                }
              }
            // The nation's form is unchanged by the reorganisation: wholly for the 9 months before it
            // (the same rows), and in its totals for the year ending after (its rows are the units of then).
            for (const id of FORM_IDS) {
              const [nine, whole] = periods;
              const def = formInForce(id, whole.to) as BuiltForm;
              expect([id, await formOf(h, id, { unitId: 'vn', ...nine })]).toEqual([
                id,
                nation.get(`${id} ${nine.to}`),
              ]);
              if (def.measure === 'cases')
                expect([id, (await formOf(h, id, { unitId: 'vn', ...whole })).totals]).toEqual([
                  id,
                  nation.get(`${id} ${whole.to}`)!.totals,
                ]);
            }
          } finally {
            await h.close();
          }
        },
      ),
      { numRuns: 3, interruptAfterTimeLimit: 150_000, markInterruptAsFailure: true },
    );
    expect(nonEmpty).toBeGreaterThan(5);
  }, 240_000);
});
