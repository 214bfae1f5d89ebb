import { DRILL_COLUMNS } from './drill-down-parts';
import { CASE_KEYS } from './report-shape';
import { ledgerHarness, LedgerHarness, StepSpec } from './testing/ledger-harness';

const s = (step: StepSpec['step'], on: string, data?: Record<string, unknown>, recordedAt?: string): StepSpec => ({
  step,
  on,
  data,
  recordedAt,
});
const classified = (d: string, klass: 'withConditions' | 'withoutConditions' = 'withConditions') => [
  s('verify', d),
  s('classify', d, klass === 'withoutConditions' ? { class: klass, ground: 'noAssets' } : { class: klass }),
];
// A court waives the rest of a partly paid court fee on hardship, with no wait (Luật THADS Điều 61.4).
const WAIVER_400 = {
  amount: '400',
  court: 'TAND huyện',
  decisionNumber: '1/2019/QĐ-MGTHA',
  decisionOn: '2019-12-01',
  stateBudgetItem: 'courtFee',
  reliefGround: 'hardship',
};
const PERIOD = { unitId: 'vn', from: '2019-10-01', to: '2020-03-31' };

/** One case of every kind the report separates, around the 6-month period of 2020 (docs/domain.md §4.2). */
const recordScenario = async (h: LedgerHarness) => {
  const ok = [
    await h.record('carried', { on: '2019-08-01' }, [
      s('decide', '2019-08-05'),
      ...classified('2019-08-25'),
      s('collect', '2019-11-10', { amount: '600' }),
      s('reduce', '2019-12-01', WAIVER_400),
      s('complete', '2019-12-05'),
    ]),
    await h.record('new-progress', { on: '2019-10-02', amountDue: '5000' }, [
      s('decide', '2019-10-05'),
      ...classified('2019-10-25'),
      s('collect', '2020-01-10', { amount: '2000' }),
    ]),
    await h.record('unclassified', { on: '2020-03-01', amountDue: '700' }, [s('decide', '2020-03-05')]),
    await h.record('received-only', { on: '2020-03-10' }),
    await h.record('st-before', { on: '2017-12-01', amountDue: '800' }, [
      s('decide', '2017-12-05'),
      ...classified('2018-01-10', 'withoutConditions'),
      s('verify', '2018-06-01'),
      s('verify', '2018-12-01'),
      s('moveToSeparateTracking', '2019-02-01'),
    ]),
    await h.record('st-in-period', { on: '2018-06-01' }, [
      s('decide', '2018-06-05'),
      ...classified('2018-07-01', 'withoutConditions'),
      s('verify', '2018-12-01'),
      s('verify', '2019-06-01'),
      s('moveToSeparateTracking', '2019-11-01'),
    ]),
    await h.record('entrusted', { on: '2019-10-10', amountDue: '300' }, [
      s('decide', '2019-10-12'),
      s('entrust', '2019-11-20'),
    ]),
    await h.record('revoked', { on: '2019-05-01' }, [s('decide', '2019-05-03'), s('revoke', '2019-10-15')]),
    await h.record('postponed', { on: '2019-07-01' }, [
      s('decide', '2019-07-02'),
      ...classified('2019-07-25'),
      s('postpone', '2020-02-01'),
    ]),
    await h.record('suspended', { on: '2019-10-03' }, [
      s('decide', '2019-10-04'),
      ...classified('2019-10-20'),
      s('suspend', '2020-03-01'),
    ]),
    await h.record('terminated', { on: '2019-10-03' }, [
      s('decide', '2019-10-04'),
      ...classified('2019-10-20'),
      s('collect', '2019-12-01', { amount: '100' }),
      s('terminate', '2020-01-05'),
    ]),
    await h.record('without', { on: '2019-09-01' }, [
      s('decide', '2019-09-02'),
      ...classified('2019-09-25', 'withoutConditions'),
    ]),
    await h.record('restored', { on: '2017-12-01', amountDue: '800' }, [
      s('decide', '2017-12-05'),
      ...classified('2018-01-10', 'withoutConditions'),
      s('verify', '2018-06-01'),
      s('verify', '2018-12-01'),
      s('moveToSeparateTracking', '2019-02-01'),
      s('restore', '2020-02-15'),
    ]),
  ];
  expect(ok.every(Boolean)).toBe(true);
};

describe('statistics report', () => {
  let h: LedgerHarness;
  beforeAll(async () => {
    h = ledgerHarness();
    await h.units();
    await recordScenario(h);
    await h.project();
  });
  afterAll(() => h?.close());

  it('counts every case where docs/domain.md §4.4 puts it', async () => {
    expect((await h.queries.report(PERIOD)).cases).toEqual({
      carriedOver: 5,
      newlyAccepted: 6,
      total: 11,
      entrustedOut: 1,
      revoked: 1,
      toExecute: 9,
      withConditions: 7,
      withoutConditions: 2,
      completed: 1,
      terminated: 1,
      resolved: 2,
      inProgress: 3,
      postponed: 1,
      suspended: 1,
      rate: '28.57',
      carriedForward: 7,
      separateTracking: 2,
      unclassified: 2,
    });
  });

  it('adds up money as collected, reduced and still due', async () => {
    expect((await h.queries.report(PERIOD)).money).toEqual({
      carriedOver: '5000',
      newlyAccepted: '8800',
      total: '13800',
      entrustedOut: '300',
      revoked: '1000',
      toExecute: '12500',
      withConditions: '10500',
      withoutConditions: '2000',
      completed: '2700',
      terminated: '900',
      reduced: '400',
      resolved: '4000',
      inProgress: '4500',
      postponed: '1000',
      suspended: '1000',
      rate: '38.10',
      carriedForward: '8500',
      separateTracking: '1800',
      unclassified: '1500',
    });
  });

  it('keeps the keys of docs/architecture.md §6 in their order', async () => {
    const report = await h.queries.report(PERIOD);
    expect(Object.keys(report.cases)).toEqual([...CASE_KEYS]);
    expect(Object.keys(report)).toEqual(['unitId', 'from', 'to', 'asKnownAt', 'cases', 'money', 'samePeriodLastYear']);
  });

  it('carries over the open cases but not the ones moved to separate tracking', async () => {
    const next = await h.queries.report({ unitId: 'vn', from: '2020-04-01', to: '2020-06-30' });
    expect(next.cases.carriedOver).toBe(6);
    expect(
      (
        await h.queries.cases({
          unitId: 'vn',
          from: '2020-04-01',
          to: '2020-06-30',
          column: 'carriedOver',
          money: false,
        })
      )
        .map((i) => i.caseId)
        .sort(),
    ).toEqual(['new-progress', 'postponed', 'restored', 'suspended', 'unclassified', 'without']);
  });

  it('lists, for every figure, exactly as many cases as it counts and amounts adding up to it', async () => {
    const report = await h.queries.report(PERIOD);
    for (const column of DRILL_COLUMNS) {
      const money = await h.queries.cases({ ...PERIOD, column, money: true });
      expect([column, money.reduce((t, i) => t + BigInt(i.amount), 0n).toString()]).toEqual([
        column,
        report.money[column],
      ]);
      if (column === 'reduced') continue;
      expect([column, (await h.queries.cases({ ...PERIOD, column, money: false })).length]).toEqual([
        column,
        report.cases[column],
      ]);
    }
  });

  it('includes subunits: a province is the sum of its districts and its own cases', async () => {
    expect((await h.queries.report({ ...PERIOD, unitId: 'kg' })).cases).toEqual((await h.queries.report(PERIOD)).cases);
    expect((await h.queries.report({ ...PERIOD, unitId: 'kh' })).cases.total).toBe(0);
  });

  it('compares with the period target and the same period one year earlier', async () => {
    await h.targets({
      unitId: 'vn',
      year: 2020,
      cases: '80.50',
      money: '38',
      periods: { 6: { cases: '20', money: '40.5' } },
    });
    await h.project();
    const report = await h.queries.report(PERIOD);
    expect(report.target).toEqual({ cases: '20.00', money: '40.50', casesGap: '8.57', moneyGap: '-2.40' });
    expect((await h.queries.report({ ...PERIOD, to: '2020-09-30' })).target).toMatchObject({
      cases: '80.50',
      money: '38.00',
    });
    expect(report.samePeriodLastYear!.cases).toMatchObject({
      carriedOver: 3,
      newlyAccepted: 0,
      withoutConditions: 3,
      separateTracking: 2,
    });
  });
});
