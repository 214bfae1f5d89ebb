import { LocalDate, WorkingDayCalendar } from '@thads/domain';
import { CaseStepQueries } from '../case-steps/case-steps.projection';
import { ReadStore } from '../store/read-store';
import { KnownAt } from '../statistics/known-at';
import { parsePercent } from '../statistics/percent';
import { StatisticsQueries } from '../statistics/statistics-queries';
import { TargetQueries } from '../targets/target-queries';
import { UnitQueries } from '../units/unit-queries';
import { casesAt } from '../watchlists/cases-at';
import { CaseStanding, describeCases } from '../watchlists/describe-cases';
import { forecast, Forecast, PastYear, Tally } from './forecast';

/** How many past reporting years the outlook looks back on at most. */
export const OUTLOOK_PAST_YEARS = 5;

export interface OutlookQuery {
  unitId: string;
  /** The reporting year: 1 October of year − 1 to 30 September of year. */
  year: number;
  /** Where the unit stands: today, or an earlier day of the year (the backtest's month ends). */
  asOf: LocalDate;
  knownAt?: KnownAt;
  /** How many cases to list under closeTheGap. */
  limit: number;
}

/** Rates as percent strings with two decimals, like the report's `rate`; null when there is nothing to rate. */
export interface OutlookMeasure {
  now: string | null;
  expected: string | null;
  low: string | null;
  high: string | null;
  target: string | null;
  /** Expected minus target, percentage points ("vượt" when positive, "thiếu" when negative). */
  gap: string | null;
  /** The figures behind `now` and what is expected on 30 September. */
  resolvedNow: string;
  withConditionsNow: string;
  resolvedExpected: string | null;
  withConditionsExpected: string | null;
  /** More to resolve than expected to reach the target (cases, or đồng), when short of it. */
  toCloseTheGap: string | null;
}

export interface CloseTheGapItem extends CaseStanding {
  /** Percentage points completing the case would add to the year's rate: cases, and money. */
  adds: { cases: string; money: string };
}

export interface Outlook {
  unitId: string;
  year: number;
  asOf: LocalDate;
  /** The past reporting years the forecast drew on. */
  basedOn: number[];
  cases: OutlookMeasure;
  money: OutlookMeasure;
  closeTheGap: CloseTheGapItem[];
}

const fmt = (v: number | null): string | null => (v === null ? null : v.toFixed(2));
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The same day of the reporting year `year` as `asOf` is of its own (29 February falls to the 28th). */
export const sameDayOf = (asOf: LocalDate, year: number): LocalDate => {
  const [, m, d] = asOf.split('-').map(Number);
  const y = m >= 10 ? year - 1 : year;
  const day = m === 2 && d === 29 && !leap(y) ? 28 : d;
  return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

const measure = (f: Forecast, now: Tally, target: string | null, whole: (v: number) => string): OutlookMeasure => {
  const targetValue = target === null ? null : Number(parsePercent(target)) / 100;
  const end = f.yearEnd;
  const short =
    targetValue !== null && end && f.expected !== null && f.expected < targetValue
      ? Math.ceil((targetValue / 100) * end.withConditions - end.resolved)
      : null;
  return {
    now: fmt(f.now),
    expected: fmt(f.expected),
    low: fmt(f.low),
    high: fmt(f.high),
    target: targetValue === null ? null : targetValue.toFixed(2),
    gap: targetValue === null || f.expected === null ? null : (f.expected - targetValue).toFixed(2),
    resolvedNow: whole(now.resolved),
    withConditionsNow: whole(now.withConditions),
    resolvedExpected: end ? whole(Math.round(end.resolved)) : null,
    withConditionsExpected: end ? whole(Math.round(end.withConditions)) : null,
    toCloseTheGap: short === null ? null : whole(Math.max(0, short)),
  };
};

/**
 * The year's outlook (docs/outlook.md): the rate expected on 30 September, cases and money, with a
 * range, from the unit's figures today and the same stretch of its past years; beside it the
 * target and the gap; below it the open cases with conditions whose completion would add most.
 */
export class OutlookQueries {
  private readonly statistics: StatisticsQueries;
  private readonly targets: TargetQueries;
  private readonly units: UnitQueries;
  private readonly steps: CaseStepQueries;

  constructor(
    private readonly store: ReadStore,
    private readonly calendar: () => WorkingDayCalendar,
  ) {
    this.statistics = new StatisticsQueries(store);
    this.targets = new TargetQueries(store);
    this.units = new UnitQueries(store);
    this.steps = new CaseStepQueries(store);
  }

  /** Cumulative tallies from 1 October of `year` to `to`, cases and money. */
  private async tally(unitId: string, year: number, to: LocalDate, knownAt?: KnownAt) {
    const r = await this.statistics.report({ unitId, from: `${year - 1}-10-01`, to, knownAt });
    return {
      cases: { resolved: r.cases.resolved, withConditions: r.cases.withConditions },
      money: { resolved: Number(r.money.resolved), withConditions: Number(r.money.withConditions) },
    };
  }

  async outlook(q: OutlookQuery): Promise<Outlook> {
    const start = `${q.year - 1}-10-01`;
    const end = `${q.year}-09-30`;
    // Before the year begins nothing is counted yet; after it ends the year is what it was.
    const asOf = q.asOf > end ? end : q.asOf < start ? start : q.asOf;
    const pastYears = Array.from({ length: OUTLOOK_PAST_YEARS }, (_, i) => q.year - 1 - i);
    const [now, targets, ...past] = await Promise.all([
      q.asOf < start
        ? { cases: { resolved: 0, withConditions: 0 }, money: { resolved: 0, withConditions: 0 } }
        : this.tally(q.unitId, q.year, asOf, q.knownAt),
      this.targets.find(q.unitId, q.year),
      ...pastYears.map(async (y) => ({
        year: y,
        sameDay: await this.tally(q.unitId, y, sameDayOf(asOf, y), q.knownAt),
        yearEnd: await this.tally(q.unitId, y, `${y}-09-30`, q.knownAt),
      })),
    ]);
    const of = (k: 'cases' | 'money'): PastYear[] =>
      past.map((p) => ({ year: p.year, sameDay: p.sameDay[k], yearEnd: p.yearEnd[k] }));
    const fc = forecast(now.cases, of('cases'));
    const fm = forecast(now.money, of('money'));
    const cases = measure(fc, now.cases, targets?.cases ?? null, (v) => String(Math.round(v)));
    const money = measure(fm, now.money, targets?.money ?? null, (v) => BigInt(Math.round(v)).toString());
    return {
      unitId: q.unitId,
      year: q.year,
      asOf,
      basedOn: fc.years,
      cases,
      money,
      closeTheGap: await this.closeTheGap(q, asOf, fc, fm),
    };
  }

  /**
   * Open cases with conditions ranked by what completing each would add: to the cases rate every
   * one adds the same (one case of those with conditions expected), so the money rate ranks them.
   */
  private async closeTheGap(q: OutlookQuery, asOf: LocalDate, fc: Forecast, fm: Forecast): Promise<CloseTheGapItem[]> {
    if (q.limit === 0 || q.asOf < `${q.year - 1}-10-01`) return [];
    const unitIds = await this.units.subtree(q.unitId);
    const open = (await casesAt(this.store, { unitIds, asOf, knownAt: q.knownAt, withConditionsOnly: true }))
      .filter((c) => c.withConditions)
      .sort((a, b) =>
        a.remaining === b.remaining ? a.caseId.localeCompare(b.caseId) : a.remaining > b.remaining ? -1 : 1,
      )
      .slice(0, q.limit);
    const casesWhole = fc.yearEnd?.withConditions ?? 0;
    const moneyWhole = fm.yearEnd?.withConditions ?? 0;
    const described = await describeCases(this.steps, this.calendar(), open, asOf);
    return described.map((d, i) => ({
      ...d,
      adds: {
        cases: casesWhole > 0 ? (100 / casesWhole).toFixed(2) : '0.00',
        money: moneyWhole > 0 ? ((100 * Number(open[i].remaining)) / moneyWhole).toFixed(2) : '0.00',
      },
    }));
  }
}
