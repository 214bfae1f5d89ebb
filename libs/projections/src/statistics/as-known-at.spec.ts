import { ledgerHarness, LedgerHarness, StepSpec } from './testing/ledger-harness';

const s = (step: StepSpec['step'], on: string, data?: Record<string, unknown>, recordedAt?: string): StepSpec => ({
  step,
  on,
  data,
  recordedAt,
});
const PERIOD = { unitId: 'kg', from: '2019-10-01', to: '2020-03-31' };

describe('statistics as known at a moment', () => {
  let h: LedgerHarness;
  let beforeLate: bigint;
  beforeAll(async () => {
    h = ledgerHarness();
    await h.units();
    await h.record('late', { on: '2019-10-02', amountDue: '1000' }, [
      s('decide', '2019-10-03'),
      s('verify', '2019-10-20'),
      s('classify', '2019-10-25', { class: 'withConditions' }),
      s('collect', '2020-03-20', { amount: '1000' }),
    ]);
    beforeLate = await h.head();
    // The completion happened in March but was entered on 20 April, after the 6-month report went out.
    await h.step('late', s('complete', '2020-03-25', {}, '2020-04-20T02:00:00.000Z'));
    await h.project();
  });
  afterAll(() => h?.close());

  it('reproduces the report submitted before a late-recorded step, and shows the step after', async () => {
    const submitted = await h.queries.report({ ...PERIOD, knownAt: { recordedAt: '2020-04-05T00:00:00.000Z' } });
    expect(submitted.cases).toMatchObject({ completed: 0, inProgress: 1, resolved: 0, rate: '0.00' });
    expect(submitted.money).toMatchObject({ completed: '1000', resolved: '1000', rate: '100.00' });
    expect(submitted.asKnownAt).toBe('2020-04-05T00:00:00.000Z');
    const later = await h.queries.report({ ...PERIOD, knownAt: { recordedAt: '2020-04-21T00:00:00.000Z' } });
    expect(later.cases).toMatchObject({ completed: 1, inProgress: 0, resolved: 1, rate: '100.00' });
    expect((await h.queries.report(PERIOD)).cases).toEqual(later.cases);
  });

  it('takes a log position as well: what a client had seen after its write', async () => {
    expect((await h.queries.report({ ...PERIOD, knownAt: { position: beforeLate } })).cases.completed).toBe(0);
    expect(
      await h.queries.cases({ ...PERIOD, column: 'completed', money: false, knownAt: { position: beforeLate } }),
    ).toEqual([]);
    expect((await h.queries.cases({ ...PERIOD, column: 'completed', money: false })).map((i) => i.caseId)).toEqual([
      'late',
    ]);
  });

  it('never shows a step before the steps it followed were known', async () => {
    // Imported records: the classification was entered a month late, the collection after it on time.
    await h.record('out-of-order', { on: '2019-11-01', amountDue: '500' }, [
      s('decide', '2019-11-02'),
      s('verify', '2019-11-03'),
      s('classify', '2019-11-04', { class: 'withConditions' }, '2019-12-10T00:00:00.000Z'),
      s('collect', '2019-11-20', { amount: '200' }, '2019-11-21T00:00:00.000Z'),
    ]);
    await h.project();
    const early = await h.queries.report({ ...PERIOD, knownAt: { recordedAt: '2019-12-01T00:00:00.000Z' } });
    expect(early.money).toMatchObject({ completed: '0', unclassified: '500' });
    expect(
      (
        await h.queries.cases({
          ...PERIOD,
          column: 'inProgress',
          money: false,
          knownAt: { recordedAt: '2019-12-01T00:00:00.000Z' },
        })
      )
        .filter((i) => i.caseId === 'out-of-order')
        .map((i) => i.key),
    ).toEqual(['unclassified']);
  });
});
