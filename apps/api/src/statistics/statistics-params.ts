import { endOfLocalDay, ID_PATTERN } from '@thads/application';
import { isLocalDate } from '@thads/domain';
import { DRILL_COLUMNS, DrillColumn, KnownAt, parseKnownAt } from '@thads/projections';
import { ValidationProblem } from '../http/problem.filter';

export interface ReportParams {
  unitId?: string;
  from?: string;
  to?: string;
  asKnownAt?: string;
}

/** The report's parameters, or a 400 listing every problem at once. */
export const reportParams = (p: ReportParams): { unitId: string; from: string; to: string; knownAt?: KnownAt } => {
  const knownAt = typeof p.asKnownAt === 'string' ? parseKnownAt(p.asKnownAt, endOfLocalDay) : undefined;
  const problems = [
    ...(typeof p.unitId === 'string' && ID_PATTERN.test(p.unitId) ? [] : ['unitId is required (one unit id)']),
    ...(isLocalDate(p.from) ? [] : ['from must be a date YYYY-MM-DD']),
    ...(isLocalDate(p.to) ? [] : ['to must be a date YYYY-MM-DD']),
    ...(isLocalDate(p.from) && isLocalDate(p.to) && p.from > p.to ? ['from must not be after to'] : []),
    ...(p.asKnownAt !== undefined && !knownAt ? ['asKnownAt must be a log position, an ISO-8601 instant or a date YYYY-MM-DD'] : []),
  ];
  if (problems.length) throw new ValidationProblem(problems);
  return { unitId: p.unitId!, from: p.from!, to: p.to!, knownAt };
};

export const drillParams = (column?: string, money?: string, limit = '1000', offset = '0'): { column: DrillColumn; money: boolean; limit: number; offset: number } => {
  const [lim, off] = [Number(limit), Number(offset)];
  const isMoney = money === 'true';
  const problems = [
    ...((DRILL_COLUMNS as ReadonlyArray<string>).includes(column ?? '') ? [] : [`column must be one of ${DRILL_COLUMNS.join(', ')}`]),
    ...(column === 'reduced' && !isMoney ? ['reduced is a money figure: add money=true'] : []),
    ...(money === undefined || money === 'true' || money === 'false' ? [] : ['money must be true or false']),
    ...(Number.isInteger(lim) && lim >= 1 && lim <= 10_000 && Number.isInteger(off) && off >= 0 ? [] : ['limit must be 1..10000 and offset ≥ 0']),
  ];
  if (problems.length) throw new ValidationProblem(problems);
  return { column: column as DrillColumn, money: isMoney, limit: lim, offset: off };
};
