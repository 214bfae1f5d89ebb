import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrapAs } from '../../api/client';
import type { components, paths } from '../../api/schema';

/** GET /api/cases, as the API describes it (libs/projections/src/case-list/case-list-queries.ts, plus nextDeadline). */
export type CasePage = components['schemas']['CaseListPage'];
export type CaseItem = CasePage['items'][number];
/** The filters as the API names them; the desk keeps them as the URL's text, checked by the API. */
type CaseQuery = NonNullable<paths['/api/cases']['get']['parameters']['query']>;

/** The desk's filters, as they stand in the page's URL (so a filtered list can be sent as a link). */
export interface DeskFilter {
  unitId: string;
  q?: string;
  state?: string;
  statisticClass?: string;
  origin?: string;
  minDue?: string;
  maxDue?: string;
  enforcerId?: string;
  sort: 'deadline' | 'received' | 'caseId';
  page: number;
  pageSize: number;
}

export const useCasePage = (filter: DeskFilter) =>
  useQuery({
    queryKey: ['cases', filter],
    queryFn: () =>
      unwrapAs<CasePage>(
        api.GET('/api/cases', {
          params: {
            query: {
              unitId: filter.unitId,
              q: filter.q || undefined,
              state: filter.state as CaseQuery['state'],
              statisticClass: filter.statisticClass as CaseQuery['statisticClass'],
              origin: filter.origin as CaseQuery['origin'],
              minDue: filter.minDue,
              maxDue: filter.maxDue,
              enforcerId: filter.enforcerId || undefined,
              sort: filter.sort,
              limit: filter.pageSize,
              offset: (filter.page - 1) * filter.pageSize,
            },
          },
        }),
      ),
    // The table keeps the current page while the next one loads, instead of blinking empty.
    placeholderData: keepPreviousData,
  });
