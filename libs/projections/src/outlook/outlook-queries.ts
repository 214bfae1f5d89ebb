import { LocalDate, WorkingDayCalendar } from '@thads/domain';
import { CaseStepQueries } from '../case-steps/case-steps.projection';
import { ReadStore } from '../store/read-store';
import { KnownAt } from '../statistics/known-at';
import { parsePercent } from '../statistics/percent';
import { columnsOf } from '../statistics/compose-report';
import { Period, readPeriodSums } from '../statistics/ledger-period-sums';
import { reportScope } from '../statistics/report-scope';
import { TargetQueries } from '../targets/target-queries';
import { UnitQueries } from '../units/unit-queries';
import { membersOf, UnitHistoryQueries } from '../units/unit-history-queries';
import { casesAt } from '../watchlists/cases-at';
import { CaseStanding, describeCases } from '../watchlists/describe-cases';
import { byMoney } from '../watchlists/watch-lists-from-moves';
import { SpanMember, WatchSpanQueries } from '../watchlists/watch-span-queries';
import { OPEN_WITH_CONDITIONS } from '../watchlists/watch-spans';
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

/** Resolved and with conditions from 1 October to a day, cases and money. */
export type YearTally = { cases: Tally; money: Tally };

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
  private readonly history: UnitHistoryQueries;
  private readonly targets: TargetQueries;
  private readonly units: UnitQueries;
  private readonly steps: CaseStepQueries;
  private readonly spans: WatchSpanQueries;

  constructor(
    private readonly store: ReadStore,
    private readonly calendar: () => WorkingDayCalendar,
  ) {
    this.history = new UnitHistoryQueries(store);
    this.targets = new TargetQueries(store);
    this.units = new UnitQueries(store);
    this.steps = new CaseStepQueries(store);
    this.spans = new WatchSpanQueries(store);
  }

  /**
   * Cumulative tallies from 1 October to each day (`period.from` is that 1 October), cases and
   * money, each what the report of that period says (StatisticsQueries.report: the unit as it was
   * on the day, its members' daily sums or moves): one pass over the ledger for all of them.
   */
  async tallies(unitId: string, periods: ReadonlyArray<Period>, knownAt?: KnownAt): Promise<YearTally[]> {
    const { histories } = await this.history.members(unitId, periods[0].to, knownAt);
    const groups = new Map<string, { members: string[]; at: number[] }>();
    periods.forEach((p, i) => {
      const { members } = membersOf(histories, unitId, p.to);
      const key = members.join('\u0000');
      const group = groups.get(key) ?? { members, at: [] };
      group.at.push(i);
      groups.set(key, group);
    });
    const out: YearTally[] = [];
    for (const { members, at } of groups.values()) {
      const scope = await reportScope(this.store, members);
      const sums = await readPeriodSums(
        this.store,
        { unitId, unitIds: members, scope, knownAt },
        at.map((i) => periods[i]),
      );
      sums.forEach((s, j) => {
        const { cases, money } = columnsOf(s);
        out[at[j]] = {
          cases: { resolved: Number(cases.resolved), withConditions: Number(cases.withConditions) },
          money: { resolved: Number(money.resolved), withConditions: Number(money.withConditions) },
        };
      });
    }
    return out;
  }

  async outlook(q: OutlookQuery): Promise<Outlook> {
    const start = `${q.year - 1}-10-01`;
    const end = `${q.year}-09-30`;
    // Before the year begins nothing is counted yet; after it ends the year is what it was.
    const asOf = q.asOf > end ? end : q.asOf < start ? start : q.asOf;
    const pastYears = Array.from({ length: OUTLOOK_PAST_YEARS }, (_, i) => q.year - 1 - i);
    const periods: Period[] = [
      { from: start, to: asOf },
      ...pastYears.flatMap((y) => [
        { from: `${y - 1}-10-01`, to: sameDayOf(asOf, y) },
        { from: `${y - 1}-10-01`, to: `${y}-09-30` },
      ]),
    ];
    const [[counted, ...ofPast], targets] = await Promise.all([
      this.tallies(q.unitId, periods, q.knownAt),
      this.targets.find(q.unitId, q.year),
    ]);
    const now: YearTally =
      q.asOf < start
        ? { cases: { resolved: 0, withConditions: 0 }, money: { resolved: 0, withConditions: 0 } }
        : counted;
    const past = pastYears.map((year, i) => ({ year, sameDay: ofPast[2 * i], yearEnd: ofPast[2 * i + 1] }));
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
   * The open cases with conditions on the day, most money first: read from their spans
   * (watch-spans.projection.ts), or as known at an instant from the ledger's per-case moves.
   */
  private async openCases(unitIds: string[], asOf: LocalDate, limit: number, knownAt?: KnownAt): Promise<SpanMember[]> {
    if (knownAt)
      return (await casesAt(this.store, { unitIds, asOf, knownAt, withConditionsOnly: true }))
        .filter((c) => c.withConditions)
        .map((c) => ({ case: c, money: c.remaining }))
        .sort(byMoney)
        .slice(0, limit);
    const total = (await this.spans.counts(unitIds, [asOf])).get(OPEN_WITH_CONDITIONS)?.[0].n ?? 0;
    const every = unitIds.length === (await this.units.count());
    return this.spans.page(OPEN_WITH_CONDITIONS, { unitIds, every, asOf, limit, offset: 0, total });
  }

  /**
   * Open cases with conditions ranked by what completing each would add: to the cases rate every
   * one adds the same (one case of those with conditions expected), so the money rate ranks them.
   */
  private async closeTheGap(q: OutlookQuery, asOf: LocalDate, fc: Forecast, fm: Forecast): Promise<CloseTheGapItem[]> {
    if (q.limit === 0 || q.asOf < `${q.year - 1}-10-01`) return [];
    const unitIds = await this.units.subtree(q.unitId);
    const open = (await this.openCases(unitIds, asOf, q.limit, q.knownAt)).map((m) => m.case);
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
