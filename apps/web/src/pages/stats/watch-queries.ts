import { useQuery } from '@tanstack/react-query';
import { api, unwrapAs } from '../../api/client';

export interface WatchListSummary {
  id: string;
  label: string;
  cases: number;
  money: string;
  sinceYearStart: { cases: number; money: string; from: string };
  unknownKind: number;
}
export interface CaseStanding {
  caseId: string;
  unitId: string;
  money?: string;
  remaining: string;
  standing: string;
  currentStep: { step: string; label: string; on: string } | null;
  nextDeadline: { rule: string; title: string; due: string; status: string; daysOverdue?: number } | null;
  unsoldAuctions: number;
  undeliveredSale: { soldOn: string; price: string; paidInFullOn: string | null } | null;
}
export interface OutlookMeasure {
  now: string | null;
  expected: string | null;
  low: string | null;
  high: string | null;
  target: string | null;
  gap: string | null;
  toCloseTheGap: string | null;
}
export interface Outlook {
  year: number;
  asOf: string;
  basedOn: number[];
  cases: OutlookMeasure;
  money: OutlookMeasure;
  closeTheGap: Array<CaseStanding & { adds: { cases: string; money: string } }>;
}

/** The watch lists of a unit as of a day (docs/watchlists.md). */
export const useWatchLists = (unitId: string, asOf: string, asKnownAt?: string) =>
  useQuery({
    queryKey: ['watchlists', unitId, asOf, asKnownAt],
    queryFn: () =>
      unwrapAs<{ lists: WatchListSummary[] }>(
        api.GET('/api/watchlists', { params: { query: { unitId, asOf, ...(asKnownAt && { asKnownAt }) } } }),
      ),
    select: (d) => d.lists,
    enabled: unitId !== '',
  });

export const useWatchListCases = (id: string, unitId: string, asOf: string, enabled: boolean) =>
  useQuery({
    queryKey: ['watchlists', id, unitId, asOf],
    queryFn: () =>
      unwrapAs<{ total: number; items: CaseStanding[] }>(
        api.GET('/api/watchlists/{id}/cases', {
          params: { path: { id: id as never }, query: { unitId, asOf, limit: '20' as never } },
        }),
      ),
    enabled,
  });

/** The year's outlook of a unit (docs/outlook.md). */
export const useOutlook = (unitId: string, year: number) =>
  useQuery({
    queryKey: ['outlook', unitId, year],
    queryFn: () =>
      unwrapAs<Outlook>(
        api.GET('/api/statistics/outlook', {
          params: { query: { unitId, year: String(year) as never, limit: '10' as never } },
        }),
      ),
    enabled: unitId !== '',
  });
