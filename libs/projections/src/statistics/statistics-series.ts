import { ReadStore } from '../store/read-store';
import { TargetQueries, UnitTargets } from '../targets/target-queries';
import { columnsOf, formatFigures } from './compose-report';
import { KnownAt, knownAtText } from './known-at';
import { readSeriesSums } from './ledger-series-sums';
import { EntrustedIn, Figures, TargetComparison } from './report-shape';
import { reportingYearOf } from './reporting-period';
import { SeriesInterval, seriesPeriods } from './series-periods';
import { compareWithTarget } from './target-comparison';

export interface SeriesQuery {
  unitId: string;
  from: string;
  to: string;
  interval: SeriesInterval;
  knownAt?: KnownAt;
}

/** One point: the figures of the report for `from`..`to` (GET /api/statistics), and its target and entrustedIn likewise. */
export interface SeriesPoint extends Figures {
  from: string;
  to: string;
  entrustedIn?: EntrustedIn;
  target?: TargetComparison;
}

export interface StatisticsSeries {
  unitId: string;
  from: string;
  to: string;
  interval: SeriesInterval;
  asKnownAt: string | null;
  points: SeriesPoint[];
}

/**
 * A monthly trend: each point the report for the period from 1 October of its reporting year to
 * the end of its month (series-periods.ts), from one read of the ledger (ledger-series-sums.ts).
 * `samePeriodLastYear` is left out: a chart asks for last year's series instead.
 */
export const statisticsSeries = async (
  store: ReadStore,
  q: SeriesQuery,
  unitIds: ReadonlyArray<string>,
): Promise<StatisticsSeries> => {
  const periods = seriesPeriods(q.from, q.to);
  const sums = await readSeriesSums(store, { unitId: q.unitId, unitIds, periods, knownAt: q.knownAt });
  const years = [...new Set(periods.map((p) => reportingYearOf(p.to)))];
  const targetQueries = new TargetQueries(store);
  const targets = new Map<number, UnitTargets | undefined>(
    await Promise.all(years.map(async (y) => [y, await targetQueries.find(q.unitId, y)] as const)),
  );
  const points = periods.map((p, i): SeriesPoint => {
    const columns = columnsOf(sums[i]);
    const { n, money } = sums[i].acceptedEntrustedIn.within;
    const target = targets.get(reportingYearOf(p.to));
    return {
      from: p.from,
      to: p.to,
      ...formatFigures(columns),
      ...(n !== 0 ? { entrustedIn: { cases: n, money: money.toString() } } : {}),
      ...(target
        ? { target: compareWithTarget({ cases: columns.cases.rate, money: columns.money.rate }, target, p.to) }
        : {}),
    };
  });
  return { unitId: q.unitId, from: q.from, to: q.to, interval: q.interval, asKnownAt: knownAtText(q.knownAt), points };
};
