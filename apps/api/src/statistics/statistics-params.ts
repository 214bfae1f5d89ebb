import { endOfLocalDay } from '@thads/application';
import { unrealDayProblem } from '@thads/domain';
import {
  DRILL_COLUMNS,
  DrillColumn,
  KnownAt,
  MAX_SERIES_POINTS,
  monthsTouched,
  parseKnownAt,
  SERIES_INTERVALS,
  SeriesInterval,
} from '@thads/projections';
import { MAX_OFFSET, QueryParams } from '../http/query-params';

export type ReportQuery = Record<string, unknown>;

export interface ReportParams {
  unitId: string;
  from: string;
  to: string;
  knownAt?: KnownAt;
  minPosition?: string;
}

/** The report's parameters; QueryParams collects every problem for one 400. */
const reportFields = (q: QueryParams): ReportParams => {
  const unitId = q.id('unitId', true)!;
  const [from, to] = [q.date('from', true), q.date('to', true)];
  if (from && to && from > to) q.problem('from must not be after to');
  const asKnownAt = q.text('asKnownAt');
  const knownAt = asKnownAt === undefined ? undefined : parseKnownAt(asKnownAt, endOfLocalDay);
  if (asKnownAt !== undefined && !knownAt)
    q.problem(
      unrealDayProblem('asKnownAt', asKnownAt) ??
        'asKnownAt must be a log position, an ISO-8601 instant or a real date YYYY-MM-DD',
    );
  return { unitId, from: from ?? '', to: to ?? '', knownAt, minPosition: q.text('minPosition') };
};

/** The report's parameters, or a 400 listing every problem at once. */
export const reportParams = (query: ReportQuery): ReportParams => {
  const q = new QueryParams(query);
  const report = reportFields(q);
  q.done();
  return report;
};

export interface DrillParams extends ReportParams {
  column: DrillColumn;
  money: boolean;
  limit: number;
  offset: number;
}

export const drillParams = (query: ReportQuery): DrillParams => {
  const q = new QueryParams(query);
  const report = reportFields(q);
  const column = q.oneOf('column', DRILL_COLUMNS);
  if (column === undefined && query.column === undefined)
    q.problem(`column must be one of ${DRILL_COLUMNS.join(', ')}`);
  const money = q.oneOf('money', ['true', 'false'] as const) === 'true';
  if (column === 'reduced' && !money) q.problem('reduced is a money figure: add money=true');
  const [limit, offset] = [q.integer('limit', 1, 10_000, 1000), q.integer('offset', 0, MAX_OFFSET, 0)];
  q.done();
  return { ...report, column: column!, money, limit, offset };
};

export interface SeriesParams extends ReportParams {
  interval: SeriesInterval;
}

/** The report's parameters and the interval; at most MAX_SERIES_POINTS points. */
export const seriesParams = (query: ReportQuery): SeriesParams => {
  const q = new QueryParams(query);
  const report = reportFields(q);
  const interval = q.oneOf('interval', SERIES_INTERVALS) ?? 'month';
  if (
    report.from &&
    report.to &&
    report.from <= report.to &&
    monthsTouched(report.from, report.to) > MAX_SERIES_POINTS
  ) {
    q.problem(`from..to must span at most ${MAX_SERIES_POINTS} months`);
  }
  q.done();
  return { ...report, interval };
};
