import { caseListProjection } from './case-list/case-list.projection';
import { caseStepsProjection } from './case-steps/case-steps.projection';
import { deadlinesProjection } from './deadlines/deadlines.projection';
import { Projection } from './runtime/projection';
import { statisticsProjection } from './statistics/statistics.projection';
import { targetsProjection } from './targets/targets.projection';
import { enforcerLedgerProjection } from './reports/enforcer-ledger.projection';
import { originLedgerProjection } from './reports/origin-ledger.projection';
import { unitsProjection } from './units/units.projection';
import { watchFactsProjection } from './watchlists/watch-facts.projection';
import { watchSpansProjection } from './watchlists/watch-spans.projection';

/**
 * Every read model the projector keeps, fresh for one projector (a projection remembers the unit
 * tree between events); `thads rebuild [name]` takes its names from here.
 */
export const createProjections = (): Projection[] => [
  unitsProjection(),
  caseListProjection(),
  caseStepsProjection(),
  statisticsProjection(),
  targetsProjection(),
  originLedgerProjection(),
  enforcerLedgerProjection(),
  watchFactsProjection(),
  watchSpansProjection(),
  deadlinesProjection(),
];

export const PROJECTION_NAMES: ReadonlyArray<string> = createProjections().map((p) => p.name);
