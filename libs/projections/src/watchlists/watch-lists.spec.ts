import { createWorkingDayCalendar, CreditorKind, JudgmentKind, SHIPPED_ANNOUNCED_YEARS } from '@thads/domain';
import { caseStepsProjection } from '../case-steps/case-steps.projection';
import { ledgerHarness, LedgerHarness, StepSpec } from '../statistics/testing/ledger-harness';
import { KnownAt } from '../statistics/known-at';
import { watchFactsProjection } from './watch-facts.projection';
import { WatchListQueries } from './watch-list-queries';
import { watchSpansProjection } from './watch-spans.projection';
import { watchListById } from './watch-lists';

const s = (step: StepSpec['step'], on: string, data?: Record<string, unknown>): StepSpec => ({ step, on, data });
const BN20 = '20000000000';
const AS_OF = '2026-06-30';
const calendar = createWorkingDayCalendar([...SHIPPED_ANNOUNCED_YEARS]);

/** Received, decided, verified and classified with conditions on one day. */
const withConditions = (on: string): StepSpec[] => [s('decide', on), s('verify', on), s('classify', on)];
const seizedAndAuctioned = (results: Array<[string, 'sold' | 'unsold']>): StepSpec[] => [
  ...withConditions('2024-01-05'),
  s('seize', '2024-02-10'),
  ...results.map(([on, result]) => s('auction', on, result === 'sold' ? { result, price: '600' } : { result })),
];

// Read from the spans (as of a day), and from the ledger's per-case moves (as known at an instant
// after every step): the two must agree at every edge.
describe.each<[string, KnownAt | undefined]>([
  ['spans', undefined],
  ['moves, as known now', { position: 10n ** 15n }],
])('watch lists (docs/watchlists.md) on hand-made cases at their edges, read from the %s', (_, knownAt) => {
  let h: LedgerHarness;
  let q: WatchListQueries;
  const credit = (
    caseId: string,
    unitId: string,
    amountDue: string,
    classifiedOn: string,
    kinds: { creditorKind?: CreditorKind; judgmentKind?: JudgmentKind } = { creditorKind: 'creditInstitution' },
    more: StepSpec[] = [],
  ) => h.record(caseId, { on: classifiedOn, unitId, amountDue, ...kinds }, [...withConditions(classifiedOn), ...more]);

  beforeAll(async () => {
    h = ledgerHarness(undefined, [caseStepsProjection(), watchFactsProjection(), watchSpansProjection()]);
    q = new WatchListQueries(h.readStore, () => calendar);
    await h.units();
    const recorded = await Promise.all([
      // 20 billion exactly is not "over 20 billion"; one đồng more is, three years to the day.
      credit('c-exact', 'kg-pq', BN20, '2023-06-30'),
      credit('c-over', 'kg-pq', '20000000001', '2023-06-30'),
      // Three years less a day: not yet.
      credit('c-less-a-day', 'kg-pq', '25000000000', '2023-07-01'),
      // Completed the day before the as-of date.
      credit('c-done', 'kg-pq', '30000000000', '2023-01-10', undefined, [
        s('collect', '2026-06-29', { amount: '30000000000' }),
        s('complete', '2026-06-29'),
      ]),
      // A subunit's case counts for the province; a case of another province does not.
      credit('c-sub', 'kg-ab', '30000000000', '2022-03-01'),
      credit('c-other', 'kh-nt', '30000000000', '2022-03-01'),
      // No kinds recorded: unknown, never guessed.
      credit('c-unknown', 'kg-pq', '30000000000', '2022-03-01', {}),
      credit('c-person', 'kg-pq', '30000000000', '2022-03-01', { creditorKind: 'individual' }),
      // Kinds recorded later by the correction step.
      credit('c-later', 'kg-pq', '40000000000', '2022-03-01', {}, [
        s('recordCaseKinds', '2026-01-05', { creditorKind: 'creditInstitution', judgmentKind: 'commercial' }),
      ]),
      // Corruption and economic crime: in the caseload, classified or not; a completed one is out.
      h.record('k-corr', { on: '2026-03-01', unitId: 'kg-pq', judgmentKind: 'criminalCorruption' }, [
        s('decide', '2026-03-02'),
      ]),
      h.record('k-econ-done', { on: '2025-03-01', unitId: 'kg-pq', judgmentKind: 'criminalEconomic' }, [
        ...withConditions('2025-03-02'),
        s('collect', '2025-04-01', { amount: '1000' }),
        s('complete', '2025-04-01'),
      ]),
      h.record('k-civil', { on: '2026-03-01', unitId: 'kg-pq', judgmentKind: 'civil' }, [s('decide', '2026-03-02')]),
      // Auctions: twice unsold is "again and again"; once is not; a sale resets the count.
      h.record('a-unsold-2', { on: '2024-01-05', unitId: 'kg-pq' }, [
        ...seizedAndAuctioned([
          ['2024-05-01', 'unsold'],
          ['2024-08-01', 'unsold'],
        ]),
      ]),
      h.record('a-unsold-1', { on: '2024-01-05', unitId: 'kg-pq' }, [
        ...seizedAndAuctioned([['2024-05-01', 'unsold']]),
      ]),
      // Sold, paid in full, not delivered; delivered; completed but still not delivered.
      h.record('a-sold', { on: '2024-01-05', unitId: 'kg-pq' }, [
        ...seizedAndAuctioned([
          ['2024-05-01', 'unsold'],
          ['2024-08-01', 'unsold'],
          ['2024-11-01', 'sold'],
        ]),
        s('collect', '2024-11-20', { amount: '600', buyerPaidInFull: true }),
      ]),
      h.record('a-delivered', { on: '2024-01-05', unitId: 'kg-pq' }, [
        ...seizedAndAuctioned([['2024-05-01', 'sold']]),
        s('collect', '2024-05-20', { amount: '600', buyerPaidInFull: true }),
        s('deliver', '2024-06-10'),
      ]),
      h.record('a-done-undelivered', { on: '2024-01-05', unitId: 'kg-pq' }, [
        ...seizedAndAuctioned([['2024-05-01', 'sold']]),
        s('collect', '2024-05-20', { amount: '1000', buyerPaidInFull: true }),
        s('complete', '2024-05-21'),
      ]),
    ]);
    expect(recorded.every(Boolean)).toBe(true);
    await h.project();
  });
  afterAll(() => h?.close());

  const ids = async (list: string, unitId: string, asOf = AS_OF) =>
    (await q.cases(watchListById(list)!, { unitId, asOf, knownAt, limit: 100, offset: 0 })).items
      .map((i) => i.caseId)
      .sort();
  const summary = async (unitId: string, asOf = AS_OF) =>
    Object.fromEntries((await q.summary({ unitId, asOf, knownAt })).map((l) => [l.id, l]));

  it('credit-over-20bn-3y: over 20 billion (not exactly), three years to the day, in scope, completed out', async () => {
    expect(await ids('credit-over-20bn-3y', 'kg')).toEqual(['c-later', 'c-over', 'c-sub']);
    // The district alone: not its sibling's case.
    expect(await ids('credit-over-20bn-3y', 'kg-pq')).toEqual(['c-later', 'c-over']);
    expect(await ids('credit-over-20bn-3y', 'kh')).toEqual(['c-other']);
    // The day before completion it was still on the list (c-over was not yet: two days short of three years);
    // three years less a day, a day later it is.
    expect(await ids('credit-over-20bn-3y', 'kg-pq', '2026-06-28')).toEqual(['c-done', 'c-later']);
    expect(await ids('credit-over-20bn-3y', 'kg-pq', '2026-07-01')).toEqual(['c-later', 'c-less-a-day', 'c-over']);
  });

  it('counts money, unknown kinds and the change since 1 October', async () => {
    const kg = await summary('kg');
    expect(kg['credit-over-20bn-3y']).toMatchObject({
      cases: 3,
      money: String(20000000001n + 30000000000n + 40000000000n),
      unknownKind: 1,
      // On 30 September 2025: c-sub, c-later (kinds recorded since, but taken as the case stands now).
      sinceYearStart: { cases: 1, money: '20000000001', from: '2025-10-01' },
    });
    expect(kg['credit-over-20bn-3y'].label).toMatch(/20 tỷ/);
  });

  it('conditions-over-1y: whatever the kinds, a year to the day', async () => {
    expect(await ids('conditions-over-1y', 'kg-pq')).toEqual([
      'a-delivered',
      'a-sold',
      'a-unsold-1',
      'a-unsold-2',
      'c-exact',
      'c-later',
      'c-less-a-day',
      'c-over',
      'c-person',
      'c-unknown',
    ]);
    expect(await ids('conditions-over-1y', 'kg-pq', '2025-03-01')).not.toContain('k-econ-done');
  });

  it('corruption-economic-recovery: the caseload of those judgments, completed out', async () => {
    expect(await ids('corruption-economic-recovery', 'kg')).toEqual(['k-corr']);
    expect(await ids('corruption-economic-recovery', 'kg', '2025-03-31')).toEqual(['k-econ-done']);
    expect(await ids('corruption-economic-recovery', 'kh')).toEqual([]);
  });

  it('auction-unsold-repeatedly: two unsold since the last sale', async () => {
    expect(await ids('auction-unsold-repeatedly', 'kg')).toEqual(['a-unsold-2']);
    expect(await ids('auction-unsold-repeatedly', 'kg', '2024-10-31')).toEqual(['a-sold', 'a-unsold-2']);
    expect(await ids('auction-unsold-repeatedly', 'kg', '2024-07-31')).toEqual([]);
  });

  it('sold-not-delivered: sold and not handed over, even once the case is completed', async () => {
    const page = await q.cases(watchListById('sold-not-delivered')!, {
      unitId: 'kg',
      asOf: AS_OF,
      knownAt,
      limit: 1,
      offset: 0,
    });
    expect(page.total).toBe(2);
    expect(page.money).toBe('1200');
    expect(await ids('sold-not-delivered', 'kg')).toEqual(['a-done-undelivered', 'a-sold']);
    expect(await ids('sold-not-delivered', 'kg', '2024-06-01')).toEqual(['a-delivered', 'a-done-undelivered']);
    const [item] = (
      await q.cases(watchListById('sold-not-delivered')!, { unitId: 'kg', asOf: AS_OF, knownAt, limit: 9, offset: 0 })
    ).items.filter((i) => i.caseId === 'a-sold');
    expect(item).toMatchObject({
      standing: 'inProgress',
      currentStep: { step: 'collect', on: '2024-11-20' },
      undeliveredSale: { soldOn: '2024-11-01', price: '600', paidInFullOn: '2024-11-20' },
    });
  });

  it('items carry the current step and the next deadline as of the day', async () => {
    const page = await q.cases(watchListById('corruption-economic-recovery')!, {
      unitId: 'kg',
      asOf: '2026-03-03',
      knownAt,
      limit: 10,
      offset: 0,
    });
    expect(page.items[0]).toMatchObject({
      caseId: 'k-corr',
      standing: 'unclassified',
      judgmentKind: 'criminalCorruption',
      currentStep: { step: 'decide', on: '2026-03-02' },
    });
    expect(page.items[0].nextDeadline?.due).toMatch(/^2026-/);
  });
});
