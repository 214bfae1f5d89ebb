import { ledgerHarness, LedgerHarness, StepSpec } from './testing/ledger-harness';
import { expectReportIdentities } from './testing/report-identities';

const s = (step: StepSpec['step'], on: string, data?: Record<string, unknown>): StepSpec => ({ step, on, data });
const YEAR = { from: '2019-10-01', to: '2020-09-30' };
const BEFORE = { from: '2019-10-01', to: '2019-12-31' };

// The figures follow the case (docs/reorganisation.md): a transfer moves a case's open figures
// from the unit it leaves to the one it reaches on its date; the nation's figures never move.
describe('a transferred case in the statistics', () => {
  let h: LedgerHarness;
  let nationBefore: unknown;
  beforeAll(async () => {
    h = ledgerHarness();
    await h.units();
    expect(await h.record('a', { on: '2019-10-10', amountDue: '300' }, [s('decide', '2019-10-12')])).toBe(true);
    expect(
      await h.record('b', { on: '2019-10-10', amountDue: '500' }, [
        s('decide', '2019-10-12'),
        s('collect', '2019-11-01', { amount: '100' }),
      ]),
    ).toBe(true);
    // Done before the transfer: it stays where it ended.
    expect(
      await h.record('c', { on: '2019-10-10', amountDue: '700' }, [
        s('decide', '2019-10-12'),
        s('collect', '2019-10-20', { amount: '700' }),
        s('complete', '2019-10-21'),
      ]),
    ).toBe(true);
    await h.project();
    nationBefore = await h.queries.report({ unitId: 'vn', ...YEAR });
    expect(await h.step('a', s('transfer', '2020-01-15', { toUnitId: 'kh-nt' }))).toBe(true);
    expect(await h.step('b', s('transfer', '2020-01-15', { toUnitId: 'kg-ab' }))).toBe(true);
    expect(await h.step('b', s('collect', '2020-02-01', { amount: '400' }))).toBe(true);
    expect(await h.step('b', s('complete', '2020-02-02'))).toBe(true);
    // A transfer recorded by mistake and corrected: as if never made.
    expect(await h.record('d', { on: '2019-10-10', amountDue: '900' }, [s('decide', '2019-10-12')])).toBe(true);
    expect(await h.step('d', s('transfer', '2020-03-01', { toUnitId: 'kh-nt' }))).toBe(true);
    expect(await h.step('d', s('correct', '2020-03-02', { correctsEventId: h.lastEventId('d'), reason: 'nhầm' }))).toBe(
      true,
    );
    await h.project();
  });
  afterAll(() => h.close());

  it("leaves the nation's report as it was, the new case aside", async () => {
    const now = await h.queries.report({ unitId: 'vn', ...YEAR });
    const d = await h.queries.report({ unitId: 'kg-pq', ...YEAR });
    expect(now.cases.total).toBe((nationBefore as typeof now).cases.total + 1);
    expect(now.transferred).toEqual({ in: { cases: 2, money: '700' }, out: { cases: 2, money: '700' } });
    expect(d.cases.total).toBe(3 + 1 - 2);
    for (const r of [now, d]) expectReportIdentities(r);
  });

  it('moves the open figures out of the old unit on the transfer date', async () => {
    const pq = await h.queries.report({ unitId: 'kg-pq', ...YEAR });
    expect(pq.transferred).toEqual({ in: { cases: 0, money: '0' }, out: { cases: 2, money: '700' } });
    expect(pq.cases).toMatchObject({ completed: 1, carriedForward: 1 });
    expectReportIdentities(pq);
  });

  it('counts them in the new unit, with what it did after', async () => {
    const nt = await h.queries.report({ unitId: 'kh-nt', ...YEAR });
    expect(nt.transferred).toEqual({ in: { cases: 1, money: '300' }, out: { cases: 0, money: '0' } });
    expect(nt.cases).toMatchObject({ total: 1, inProgress: 1, carriedForward: 1 });
    const ab = await h.queries.report({ unitId: 'kg-ab', ...YEAR });
    expect(ab.cases).toMatchObject({ total: 1, completed: 1, carriedForward: 0 });
    expect(ab.money).toMatchObject({ total: '400', completed: '400' });
    for (const r of [nt, ab]) expectReportIdentities(r);
  });

  it('leaves a period that ended before the transfer as it was', async () => {
    const pq = await h.queries.report({ unitId: 'kg-pq', ...BEFORE });
    expect(pq).not.toHaveProperty('transferred');
    expect(pq.cases).toMatchObject({ total: 4, carriedForward: 3 });
  });

  it('a province covering both units sees no transfer in its totals', async () => {
    const kg = await h.queries.report({ unitId: 'kg', ...YEAR });
    expect(kg.cases.total).toBe(kg.cases.carriedOver + kg.cases.newlyAccepted - 1);
    expectReportIdentities(kg);
  });
});
