import { DEADLINE_RULES } from '@thads/domain';
import { MAX_OFFSET, QueryParams } from '../http/query-params';
import { DEADLINE_STATUSES, DeadlineFilter, DeadlineStatus } from './deadline-queries';

/** A board page: enough rows for a screen or two; the CSV export takes every row. */
export const DEADLINE_PAGE = { fallback: 100, max: 1000 } as const;

const RULE_IDS = [...new Set(DEADLINE_RULES.map((r) => r.id))].sort();

export interface DeadlineListParams extends DeadlineFilter {
  limit: number;
  offset: number;
  format: 'json' | 'csv';
  minPosition?: string;
}

/** `status` is one status or several joined by commas (`late,overdue`: what the inspection board shows). */
const statusesOf = (q: QueryParams): DeadlineStatus[] | undefined => {
  const text = q.text('status');
  if (text === undefined) return undefined;
  const statuses = text.split(',');
  const bad = statuses.filter((s) => !(DEADLINE_STATUSES as ReadonlyArray<string>).includes(s));
  if (bad.length || statuses.length === 0)
    q.problem(`status must be one or more of ${DEADLINE_STATUSES.join(', ')}, joined by commas`);
  return bad.length ? undefined : ([...new Set(statuses)] as DeadlineStatus[]);
};

/** The filter every deadline view shares; `today` when `asOf` is absent. */
export const filterFields = (q: QueryParams, today: string): DeadlineFilter => {
  const unitId = q.id('unitId', true)!;
  const asOf = q.date('asOf', false) ?? today;
  const rule = q.text('rule');
  if (rule !== undefined && !RULE_IDS.includes(rule))
    q.problem(`rule must be a rule id of GET /api/deadlines/rules (${RULE_IDS.join(', ')})`);
  const enforcerId = q.id('enforcerId', false);
  return { unitId, asOf, ...(rule !== undefined ? { rule } : {}), ...(enforcerId !== undefined ? { enforcerId } : {}) };
};

export const deadlineListParams = (query: Record<string, unknown>, today: string, csv: boolean): DeadlineListParams => {
  const q = new QueryParams(query);
  const filter = filterFields(q, today);
  const statuses = statusesOf(q);
  const limit = q.integer('limit', 1, DEADLINE_PAGE.max, DEADLINE_PAGE.fallback);
  const offset = q.integer('offset', 0, MAX_OFFSET, 0);
  const format = csv ? 'csv' : (q.oneOf('format', ['json', 'csv'] as const) ?? 'json');
  const minPosition = q.text('minPosition');
  q.done();
  return { ...filter, ...(statuses ? { statuses } : {}), limit, offset, format, minPosition };
};

export const deadlineByUnitParams = (
  query: Record<string, unknown>,
  today: string,
): DeadlineFilter & { minPosition?: string } => {
  const q = new QueryParams(query);
  const filter = filterFields(q, today);
  const minPosition = q.text('minPosition');
  q.done();
  return { ...filter, minPosition };
};
