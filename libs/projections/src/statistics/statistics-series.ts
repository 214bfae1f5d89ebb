import { ReadStore } from '../store/read-store';
import { TargetQueries, UnitTargets } from '../targets/target-queries';
import { ReportMembers, TreeIndex, treeChangeDays } from '../units/tree-index';
import { UnitHistoryQueries } from '../units/unit-history-queries';
import { columnsOf, formatFigures } from './compose-report';
import { KnownAt, knownAtText } from './known-at';
import { readSeriesSums } from './ledger-series-sums';
import { LedgerSums } from './ledger-sums';
import { registeredTree, scopeOf } from './report-scope';
import { EntrustedIn, Figures, TargetComparison, Transferred } from './report-shape';
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

/** One point: the figures of the report for `from`..`to` (GET /api/statistics), with its includes, target, entrustedIn and transferred likewise. */
export interface SeriesPoint extends Figures {
  from: string;
  to: string;
  includes?: string[];
  entrustedIn?: EntrustedIn;
  transferred?: Transferred;
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
 * the end of its month (series-periods.ts). Each point covers the unit as it was on the point's
 * own end, with the predecessors it continues (docs/reorganisation.md §4), as its report does: the
 * points with the same members are read in one pass of the ledger (ledger-series-sums.ts), so a
 * series crossing one reorganisation costs two reports' reads rather than one per point.
 * `samePeriodLastYear` is left out: a chart asks for last year's series instead.
 */
export const statisticsSeries = async (store: ReadStore, q: SeriesQuery): Promise<StatisticsSeries> => {
  const periods = seriesPeriods(q.from, q.to);
  const [histories, registered] = await Promise.all([
    new UnitHistoryQueries(store).histories(q.knownAt),
    registeredTree(store),
  ]);
  const tree = new TreeIndex(histories);
  const changes = treeChangeDays(histories);
  const stretches = new Map<number, ReportMembers>();
  const groups = new Map<string, { members: string[]; includes: string[]; indices: number[] }>();
  periods.forEach((p, i) => {
    const stretch = changes.filter((d) => d <= p.to).length;
    if (!stretches.has(stretch)) stretches.set(stretch, tree.members(q.unitId, p.to));
    const { members, includes } = stretches.get(stretch)!;
    const key = `${members.join(',')}|${includes.join(',')}`;
    const group = groups.get(key) ?? { members, includes, indices: [] };
    group.indices.push(i);
    groups.set(key, group);
  });
  const sums: LedgerSums[] = [];
  const includesOf: string[][] = [];
  for (const g of groups.values()) {
    const read = await readSeriesSums(store, {
      scope: scopeOf(registered, g.members),
      unitIds: g.members,
      periods: g.indices.map((i) => periods[i]),
      knownAt: q.knownAt,
    });
    g.indices.forEach((i, j) => {
      sums[i] = read[j];
      includesOf[i] = g.includes;
    });
  }
  const years = [...new Set(periods.map((p) => reportingYearOf(p.to)))];
  const targetQueries = new TargetQueries(store);
  const targets = new Map<number, UnitTargets | undefined>(
    await Promise.all(years.map(async (y) => [y, await targetQueries.find(q.unitId, y)] as const)),
  );
  const points = periods.map((p, i): SeriesPoint => {
    const columns = columnsOf(sums[i]);
    const { n, money } = sums[i].acceptedEntrustedIn.within;
    const flow = (key: 'transferredIn' | 'transferredOut') => ({
      cases: sums[i][key].within.n,
      money: sums[i][key].within.money.toString(),
    });
    const transferred = { in: flow('transferredIn'), out: flow('transferredOut') };
    const target = targets.get(reportingYearOf(p.to));
    return {
      from: p.from,
      to: p.to,
      ...(includesOf[i].length > 0 ? { includes: includesOf[i] } : {}),
      ...formatFigures(columns),
      ...(n !== 0 ? { entrustedIn: { cases: n, money: money.toString() } } : {}),
      ...(transferred.in.cases !== 0 || transferred.out.cases !== 0 ? { transferred } : {}),
      ...(target
        ? { target: compareWithTarget({ cases: columns.cases.rate, money: columns.money.rate }, target, p.to) }
        : {}),
    };
  });
  return { unitId: q.unitId, from: q.from, to: q.to, interval: q.interval, asKnownAt: knownAtText(q.knownAt), points };
};
