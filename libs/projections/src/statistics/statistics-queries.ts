import type Database from 'better-sqlite3';
import { UnitQueries } from '../units/unit-queries';
import { TargetQueries } from '../targets/target-queries';
import { Column, columnsOf, formatFigures } from './compose-report';
import { DrillColumn } from './drill-down-parts';
import { drillDown, DrillDownItem } from './drill-down';
import { KnownAt, knownAtText } from './known-at';
import { readLedgerSums } from './ledger-sums';
import { Figures, StatisticsReport } from './report-shape';
import { reportingYearOf, samePeriodLastYear } from './reporting-period';
import { compareWithTarget } from './target-comparison';

export interface ReportQuery {
  /** A registered unit; its report includes its subunits. */
  unitId: string;
  from: string;
  to: string;
  knownAt?: KnownAt;
}

/** The statistics read side: reports and drill-downs over the ledger, targets and unit tree. */
export class StatisticsQueries {
  private readonly units: UnitQueries;

  constructor(private readonly db: Database.Database) {
    this.units = new UnitQueries(db);
  }

  report(q: ReportQuery): StatisticsReport {
    const unitIds = this.units.subtree(q.unitId);
    const now = this.figures(q, unitIds);
    const last = samePeriodLastYear(q.from, q.to);
    const targets = new TargetQueries(this.db).find(q.unitId, reportingYearOf(q.to));
    return {
      unitId: q.unitId, from: q.from, to: q.to, asKnownAt: knownAtText(q.knownAt),
      ...now.figures,
      ...(targets ? { target: compareWithTarget({ cases: now.cases.rate, money: now.money.rate }, targets, q.to) } : {}),
      samePeriodLastYear: this.figures({ ...q, ...last }, unitIds).figures,
    };
  }

  cases(q: ReportQuery & { column: DrillColumn; money: boolean }): DrillDownItem[] {
    return drillDown(this.db, { ...q, unitIds: this.units.subtree(q.unitId) });
  }

  private figures(q: ReportQuery, unitIds: string[]): { figures: Figures; cases: Column; money: Column } {
    const columns = columnsOf(readLedgerSums(this.db, { ...q, unitIds }));
    return { figures: formatFigures(columns), ...columns };
  }
}
