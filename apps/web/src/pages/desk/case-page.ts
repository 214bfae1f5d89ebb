import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrapAs } from '../../api/client';

/** An item of GET /api/cases (libs/projections/src/case-list/case-list-queries.ts, plus nextDeadline). */
export interface CaseItem {
  caseId: string;
  unitId: string;
  origin: 'exOfficio' | 'onRequest';
  state: string;
  statisticClass: string;
  amounts: { due: string; collected: string; disbursed: string; reduced: string };
  receivedOn: string;
  lastStepOn: string;
  revision: number;
  enforcerId: string | null;
  creditor: string;
  debtor: string;
  judgmentNumber: string;
  nextDeadline: {
    ruleId: string;
    title: string;
    dueOn: string;
    status: 'open' | 'overdue';
    daysOverdue?: number;
  } | null;
}

export interface CasePage {
  unitId: string;
  limit: number;
  offset: number;
  total: number;
  items: CaseItem[];
}

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
              state: filter.state,
              statisticClass: filter.statisticClass,
              origin: filter.origin as 'exOfficio' | 'onRequest' | undefined,
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
