import fc from 'fast-check';
import { caseScript, recordScript } from '../statistics/testing/random-history';
import { buildForm } from './build-form';
import { BuiltForm, formInForce } from './forms';
import { formFailures } from './testing/form-checks';
import { FormsHarness, formsHarness } from './testing/forms-harness';

const PERIOD = { from: '2025-10-01', to: '2026-10-31' };
const form = (id: string) => formInForce(id, PERIOD.to) as BuiltForm;

/** Forms 04 and 05 as known now (the enforcer ledger) and as known at the head (the per-case moves). */
const bothWays = async (h: FormsHarness, unitId: string, period = PERIOD) => {
  const out = [];
  for (const id of ['04', '05']) {
    const now = (await buildForm(h.readStore, form(id), { unitId, ...period })).form;
    const atHead = (
      await buildForm(h.readStore, form(id), { unitId, ...period, knownAt: { position: await h.head() } })
    ).form;
    out.push({ id, now, atHead });
  }
  return out;
};

const stepIdOf = async (h: FormsHarness, caseId: string) => {
  const s = await h.stateOf(caseId);
  return s.status === 'known' ? (s.steps[s.steps.length - 1].id ?? '') : '';
};

describe('forms by enforcer from the enforcer ledger (statistics-by-enforcer)', () => {
  let h: FormsHarness;
  beforeEach(async () => {
    h = formsHarness();
    await h.units();
    // Replayed now with the units only: every case event below is applied live, event by event.
    await h.project();
  });
  afterEach(() => h.close());

  it('moves a case with its whole history when it is assigned, reassigned, and the assignment corrected', async () => {
    const row = async (enforcer: string | null) => {
      const f = (await buildForm(h.readStore, form('05'), { unitId: 'kg-pq', ...PERIOD })).form;
      return f.rows.find((r) => r.depth === 1 && (r.enforcerId ?? null) === enforcer)?.cells;
    };
    // Counted when the decision to enforce is made (docs/domain.md §4.4): c1 before any assignment.
    expect(
      await h.record('c1', { on: '2025-11-03', unitId: 'kg-pq', amountDue: '5000000' }, [
        { step: 'decide', on: '2025-11-04' },
      ]),
    ).toBe(true);
    expect(
      await h.record('c2', { on: '2025-11-04', unitId: 'kg-pq', amountDue: '7000000' }, [
        { step: 'decide', on: '2025-11-05' },
        { step: 'assign', on: '2025-11-06', data: { enforcerId: 'chv-2' } },
      ]),
    ).toBe(true);
    await h.project();
    expect((await row(null))?.total).toBe('5000');
    expect((await row('chv-2'))?.total).toBe('7000');

    expect(await h.step('c1', { step: 'assign', on: '2025-11-10', data: { enforcerId: 'chv-1' } })).toBe(true);
    await h.project();
    expect(await row(null)).toBeUndefined();
    expect((await row('chv-1'))?.total).toBe('5000');

    // Reassigned: the case's figures go with it, and chv-1 has nothing left to show.
    expect(await h.step('c1', { step: 'assign', on: '2025-12-01', data: { enforcerId: 'chv-2' } })).toBe(true);
    await h.project();
    expect(await row('chv-1')).toBeUndefined();
    expect((await row('chv-2'))?.total).toBe('12000');

    // The reassignment corrected away: back to chv-1, history and all.
    expect(
      await h.step('c1', {
        step: 'correct',
        on: '2025-12-02',
        data: { correctsEventId: await stepIdOf(h, 'c1'), reason: 'nhập nhầm' },
      }),
    ).toBe(true);
    await h.project();
    expect((await row('chv-1'))?.total).toBe('5000');
    expect((await row('chv-2'))?.total).toBe('7000');

    for (const { id, now, atHead } of await bothWays(h, 'vn')) {
      expect([id, now.rows, now.totals]).toEqual([id, atHead.rows, atHead.totals]);
      expect([id, formFailures(now)]).toEqual([id, []]);
    }
  });

  it('equals the per-case moves over random histories applied live, reassignments and corrections included', async () => {
    let assigned = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            script: caseScript,
            reassign: fc.array(
              fc.record({ enforcer: fc.constantFrom('chv-1', 'chv-2', 'chv-3'), undo: fc.boolean() }),
              {
                maxLength: 3,
              },
            ),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        fc.constantFrom('vn', 'kg', 'kh'),
        // From 1 October or within the year (the days before `from` of its own year read day by day).
        fc.constantFrom(PERIOD, { from: '2026-01-15', to: '2026-09-30' }, { from: '2023-12-10', to: '2024-06-30' }),
        async (cases, unitId, period) => {
          const g = formsHarness();
          try {
            await g.units();
            await g.project();
            for (const [i, c] of cases.entries()) {
              const caseId = `c${i}`;
              await recordScript(g, caseId, c.script);
              await g.project();
              // Further assignments on the latest step's date, some corrected away at once.
              for (const r of c.reassign) {
                const s = await g.stateOf(caseId);
                if (s.status !== 'known') break;
                const on = s.steps[s.steps.length - 1].on;
                if (!(await g.step(caseId, { step: 'assign', on, data: { enforcerId: r.enforcer } }))) continue;
                assigned++;
                if (r.undo)
                  await g.step(caseId, {
                    step: 'correct',
                    on,
                    data: { correctsEventId: await stepIdOf(g, caseId), reason: 'nhập nhầm' },
                  });
                await g.project();
              }
            }
            for (const { id, now, atHead } of await bothWays(g, unitId, period)) {
              expect([id, now.rows, now.totals]).toEqual([id, atHead.rows, atHead.totals]);
              expect([id, formFailures(now)]).toEqual([id, []]);
            }
          } finally {
            await g.close();
          }
        },
      ),
      { numRuns: 12, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: true },
    );
    expect(assigned).toBeGreaterThan(5);
  });
});
