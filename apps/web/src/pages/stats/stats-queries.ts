import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrapAs } from '../../api/client';

/** The report's figures (docs/architecture.md §6): counts are numbers, money whole-đồng strings. */
export type Figures = Record<string, number | string>;
export interface Target {
  cases: string;
  money: string;
  casesGap: string;
  moneyGap: string;
}
export interface Report {
  unitId: string;
  from: string;
  to: string;
  asKnownAt: string | null;
  cases: Figures;
  money: Figures;
  target?: Target;
  samePeriodLastYear?: { cases: Figures; money: Figures };
}
export interface UnitRow {
  unitId: string;
  name: string;
  level: string;
  scope: 'total' | 'own' | 'subtree';
  cases: Figures;
  money: Figures;
  target?: Target;
}
export interface SeriesPoint {
  from: string;
  to: string;
  cases: Figures;
  money: Figures;
  target?: Target;
}
export interface DrillItem {
  caseId: string;
  unitId: string;
  key: string;
  on: string;
  amount: string;
}
export interface DrillDown {
  count: number;
  amount?: string;
  limit: number;
  items: DrillItem[];
}

export interface Period {
  unitId: string;
  from: string;
  to: string;
  asKnownAt?: string;
}
const query = (p: Period) => ({
  unitId: p.unitId,
  from: p.from,
  to: p.to,
  ...(p.asKnownAt && { asKnownAt: p.asKnownAt }),
});

// The statistics routes describe their answers loosely (figures keyed by name): the page names the shapes it reads.
export const useReport = (p: Period) =>
  useQuery({
    queryKey: ['statistics', p],
    queryFn: () => unwrapAs<Report>(api.GET('/api/statistics', { params: { query: query(p) } })),
    placeholderData: keepPreviousData,
  });

export const useUnitRows = (p: Period) =>
  useQuery({
    queryKey: ['statistics', 'units', p],
    queryFn: () => unwrapAs<{ rows: UnitRow[] }>(api.GET('/api/statistics/units', { params: { query: query(p) } })),
    select: (d) => d.rows,
    placeholderData: keepPreviousData,
  });

export const useSeries = (p: Period) =>
  useQuery({
    queryKey: ['statistics', 'series', p],
    queryFn: () =>
      unwrapAs<{ points: SeriesPoint[] }>(
        api.GET('/api/statistics/series', { params: { query: { ...query(p), interval: 'month' } } }),
      ),
    select: (d) => d.points,
  });

export const useDrillDown = (p: Period & { column: string; money: boolean }, enabled: boolean) =>
  useQuery({
    queryKey: ['statistics', 'cases', p],
    queryFn: () =>
      unwrapAs<DrillDown>(
        api.GET('/api/statistics/cases', {
          params: { query: { ...query(p), column: p.column as never, ...(p.money && { money: 'true' as const }) } },
        }),
      ),
    enabled,
  });
