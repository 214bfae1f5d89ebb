import { Injectable } from '@nestjs/common';
import {
  CaseListQueries,
  CaseStepQueries,
  DeadlineRowQueries,
  OutlookQueries,
  StatisticsQueries,
  TargetQueries,
  UnitQueries,
  WatchListQueries,
} from '@thads/projections';
import { DeadlineEngine } from '../deadlines/deadline-engine';
import { DeadlineQueries } from '../deadlines/deadline-queries';
import { ReadDatabase } from './read-database';

/**
 * The read models' queries, built once over the read store and injected where they are asked
 * (controllers and services), so that nothing builds its own query objects per request and a
 * test can hand the app other ones.
 */
@Injectable()
export class ReadQueries {
  readonly units: UnitQueries;
  readonly cases: CaseListQueries;
  readonly caseSteps: CaseStepQueries;
  readonly statistics: StatisticsQueries;
  readonly targets: TargetQueries;
  /** The deadlines read model's rows, as of any day. */
  readonly deadlineRows: DeadlineRowQueries;
  /** Procedural deadlines: the deadlines read model, each item evaluated on the working-day calendar. */
  readonly deadlines: DeadlineQueries;
  /** The watch lists and the year's outlook (docs/watchlists.md, docs/outlook.md), on the office's calendar. */
  readonly watchLists: WatchListQueries;
  readonly outlook: OutlookQueries;

  constructor(read: ReadDatabase, engine: DeadlineEngine) {
    this.units = new UnitQueries(read.store);
    this.cases = new CaseListQueries(read.store);
    this.caseSteps = new CaseStepQueries(read.store);
    this.statistics = new StatisticsQueries(read.store);
    this.targets = new TargetQueries(read.store);
    this.deadlineRows = new DeadlineRowQueries(read.store);
    this.deadlines = new DeadlineQueries(this.units, this.caseSteps, this.deadlineRows, engine);
    this.watchLists = new WatchListQueries(read.store, () => engine.calendar);
    this.outlook = new OutlookQueries(read.store, () => engine.calendar);
  }
}
