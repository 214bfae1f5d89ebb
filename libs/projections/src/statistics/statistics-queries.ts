import { ReadStore } from '../store/read-store';
import { UnitHistoryQueries } from '../units/unit-history-queries';
import { ReportScope, reportScope } from './report-scope';
import { TargetQueries } from '../targets/target-queries';
import { Column, columnsOf, formatFigures } from './compose-report';
import { DrillColumn } from './drill-down-parts';
import { drillDown, DrillDownItem } from './drill-down';
import { KnownAt, knownAtText } from './known-at';
import { readLedgerSums } from './ledger-sums';
import { EntrustedIn, Figures, StatisticsReport, Transferred } from './report-shape';
import { reportingYearOf, samePeriodLastYear } from './reporting-period';
import { compareWithTarget } from './target-comparison';
import { SeriesQuery, statisticsSeries, StatisticsSeries } from './statistics-series';

export interface ReportQuery {
  /** A registered unit; its report includes its subunits. */
  unitId: string;
  from: string;
  to: string;
  knownAt?: KnownAt;
}

/** The statistics read side: reports and drill-downs over the ledger, targets and unit tree. */
export class StatisticsQueries {
  private readonly history: UnitHistoryQueries;

  constructor(private readonly store: ReadStore) {
    this.history = new UnitHistoryQueries(store);
  }

  async report(q: ReportQuery): Promise<StatisticsReport> {
    // The unit as it was on the period's end, with the predecessors it continues (docs/reorganisation.md);
    // last year's same period covers the same units, so the comparison is like with like.
    const { members, includes } = await this.history.members(q.unitId, q.to, q.knownAt);
    const scope = await reportScope(this.store, members);
    const unitIds = members;
    const last = samePeriodLastYear(q.from, q.to);
    const [now, before, targets] = await Promise.all([
      this.figures({ ...q, scope }, unitIds),
      this.figures({ ...q, ...last, scope }, unitIds),
      new TargetQueries(this.store).find(q.unitId, reportingYearOf(q.to)),
    ]);
    return {
      unitId: q.unitId,
      from: q.from,
      to: q.to,
      asKnownAt: knownAtText(q.knownAt),
      ...(includes.length > 0 ? { includes } : {}),
      ...now.figures,
      // Optional, as `target` is: the fixed shape stays as it was for a period with none.
      ...(now.entrustedIn.cases !== 0 ? { entrustedIn: now.entrustedIn } : {}),
      ...(now.transferred.in.cases !== 0 || now.transferred.out.cases !== 0 ? { transferred: now.transferred } : {}),
      ...(targets
        ? { target: compareWithTarget({ cases: now.cases.rate, money: now.money.rate }, targets, q.to) }
        : {}),
      samePeriodLastYear: before.figures,
    };
  }

  /** Monthly points, each equal to the report for its cumulative period (statistics-series.ts). */
  async series(q: SeriesQuery): Promise<StatisticsSeries> {
    return statisticsSeries(this.store, q);
  }

  async cases(q: ReportQuery & { column: DrillColumn; money: boolean }): Promise<DrillDownItem[]> {
    return drillDown(this.store, { ...q, unitIds: (await this.history.members(q.unitId, q.to, q.knownAt)).members });
  }

  private async figures(
    q: ReportQuery & { scope?: ReportScope },
    unitIds: string[],
  ): Promise<{ figures: Figures; cases: Column; money: Column; entrustedIn: EntrustedIn; transferred: Transferred }> {
    const sums = await readLedgerSums(this.store, { ...q, unitIds });
    const columns = columnsOf(sums);
    const flow = (key: 'acceptedEntrustedIn' | 'transferredIn' | 'transferredOut') => ({
      cases: sums[key].within.n,
      money: sums[key].within.money.toString(),
    });
    return {
      figures: formatFigures(columns),
      ...columns,
      entrustedIn: flow('acceptedEntrustedIn'),
      transferred: { in: flow('transferredIn'), out: flow('transferredOut') },
    };
  }
}
