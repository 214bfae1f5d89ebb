import { endOfLocalDay } from '@thads/application';
import { unrealDayProblem } from '@thads/domain';
import { KnownAt, parseKnownAt } from '@thads/projections';
import { MAX_OFFSET, QueryParams } from '../http/query-params';

export interface WatchParams {
  unitId: string;
  asOf: string;
  knownAt?: KnownAt;
  minPosition?: string;
}

const knownAtOf = (q: QueryParams): KnownAt | undefined => {
  const asKnownAt = q.text('asKnownAt');
  const knownAt = asKnownAt === undefined ? undefined : parseKnownAt(asKnownAt, endOfLocalDay);
  if (asKnownAt !== undefined && !knownAt)
    q.problem(
      unrealDayProblem('asKnownAt', asKnownAt) ??
        'asKnownAt must be a log position, an ISO-8601 instant or a real date YYYY-MM-DD',
    );
  return knownAt;
};

const watchFields = (q: QueryParams, today: string): WatchParams => ({
  unitId: q.id('unitId', true)!,
  asOf: q.date('asOf', false) ?? today,
  knownAt: knownAtOf(q),
  minPosition: q.text('minPosition'),
});

export const watchParams = (query: Record<string, unknown>, today: string): WatchParams => {
  const q = new QueryParams(query);
  const p = watchFields(q, today);
  q.done();
  return p;
};

export const watchPageParams = (
  query: Record<string, unknown>,
  today: string,
): WatchParams & { limit: number; offset: number } => {
  const q = new QueryParams(query);
  const p = watchFields(q, today);
  const [limit, offset] = [q.integer('limit', 1, 1000, 100), q.integer('offset', 0, MAX_OFFSET, 0)];
  q.done();
  return { ...p, limit, offset };
};

/** The outlook's: a reporting year (default: the one today falls in), as of today or an earlier day. */
export const outlookParams = (
  query: Record<string, unknown>,
  today: string,
  yearOfToday: number,
): WatchParams & { year: number; limit: number } => {
  const q = new QueryParams(query);
  const unitId = q.id('unitId', true)!;
  const year = q.integer('year', 2000, 2100, yearOfToday);
  const asOf = q.date('asOf', false) ?? today;
  const limit = q.integer('limit', 0, 200, 20);
  const knownAt = knownAtOf(q);
  const minPosition = q.text('minPosition');
  q.done();
  return { unitId, year, asOf, knownAt, minPosition, limit };
};
