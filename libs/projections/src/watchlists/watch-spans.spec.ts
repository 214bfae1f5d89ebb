import { createWorkingDayCalendar, SHIPPED_ANNOUNCED_YEARS } from '@thads/domain';
import { caseStepsProjection } from '../case-steps/case-steps.projection';
import { ledgerHarness, LedgerHarness, StepSpec } from '../statistics/testing/ledger-harness';
import { watchFactsProjection } from './watch-facts.projection';
import { WatchListQueries } from './watch-list-queries';
import { watchListById } from './watch-lists';
import { watchSpansProjection } from './watch-spans.projection';

const s = (step: StepSpec['step'], on: string, data?: Record<string, unknown>): StepSpec => ({ step, on, data });
const calendar = createWorkingDayCalendar([...SHIPPED_ANNOUNCED_YEARS]);
const OVER_1Y = watchListById('conditions-over-1y')!;

/**
 * Where the spans read a case as it stood on the day, and the per-case moves read it otherwise
 * (docs/watchlists.md, "Where the figures come from"): a transferred case keeps the day it was
 * first classified with conditions and is listed under the unit holding it on the day; a
 * classification taken back by a correction never happened.
 */
describe('watch spans: a case as it stood on the day', () => {
  let h: LedgerHarness;
  let q: WatchListQueries;

  beforeAll(async () => {
    h = ledgerHarness(undefined, [caseStepsProjection(), watchFactsProjection(), watchSpansProjection()]);
    q = new WatchListQueries(h.readStore, () => calendar);
    await h.units();
    expect(
      await h.record('t-moved', { on: '2024-01-05', unitId: 'kg-pq', amountDue: '5000' }, [
        s('decide', '2024-01-05'),
        s('verify', '2024-01-08'),
        s('classify', '2024-01-10'),
        s('collect', '2025-05-05', { amount: '1000' }),
        s('transfer', '2026-03-01', { toUnitId: 'kh-nt' }),
      ]),
    ).toBe(true);
    expect(
      await h.record('v-voided', { on: '2024-01-05', unitId: 'kg-pq' }, [
        s('decide', '2024-01-05'),
        s('verify', '2024-01-08'),
        s('classify', '2024-03-01'),
      ]),
    ).toBe(true);
    expect(
      await h.step('v-voided', {
        step: 'correct',
        on: '2024-03-05',
        data: { correctsEventId: h.lastEventId('v-voided'), reason: 'nhập nhầm' },
      }),
    ).toBe(true);
    expect(await h.step('v-voided', s('classify', '2025-09-01'))).toBe(true);
    await h.project();
  });
  afterAll(() => h?.close());

  const page = async (unitId: string, asOf: string) =>
    (await q.cases(OVER_1Y, { unitId, asOf, limit: 10, offset: 0 })).items;

  it('a transferred case: with conditions since its classification, in the unit holding it on the day', async () => {
    expect((await page('kg', '2026-02-28')).map((i) => [i.caseId, i.unitId])).toEqual([['t-moved', 'kg-pq']]);
    expect(await page('kg', '2026-06-30')).toEqual([]);
    const [moved] = await page('vn', '2026-06-30');
    expect(moved).toMatchObject({
      caseId: 't-moved',
      unitId: 'kh-nt',
      withConditionsSince: '2024-01-10',
      remaining: '4000',
      money: '4000',
    });
    expect(await page('kh', '2026-06-30')).toEqual([moved]);
    const counts = Object.fromEntries((await q.summary({ unitId: 'kh', asOf: '2026-06-30' })).map((l) => [l.id, l]));
    expect(counts['conditions-over-1y']).toMatchObject({ cases: 1, money: '4000', sinceYearStart: { cases: 1 } });
  });

  it('a classification a correction took back never set "with conditions since"', async () => {
    expect((await page('kg-pq', '2026-06-30')).map((i) => i.caseId)).toEqual([]);
    expect((await page('kg-pq', '2026-09-01')).map((i) => [i.caseId, i.withConditionsSince])).toEqual([
      ['v-voided', '2025-09-01'],
    ]);
  });
});
