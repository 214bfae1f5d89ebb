import { int, ReadStore, SqlValue } from '../store/read-store';
import { NO_DEADLINE } from './next-deadline';
import { searchText } from './search-text';

export const CASE_SORTS = ['received', 'deadline', 'caseId'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export interface CaseListFilter {
  unitIds: ReadonlyArray<string>;
  /**
   * `unitIds` are every registered unit (the nation): the unit filter is left out, so the
   * nearest-deadline order is read straight from the (next_due, case_id) index instead of
   * gathering a million rows of 700 units and sorting them.
   */
  wholeTree?: boolean;
  state?: string;
  statisticClass?: string;
  enforcerId?: string;
  origin?: string;
  /** Amount due (đồng, decimal strings) at least / at most. */
  minDue?: string;
  maxDue?: string;
  /** Case id, judgment number or a party's name, case- and diacritics-insensitive (search-text.ts). */
  q?: string;
  /** `received` (newest first, the default), `deadline` (nearest running deadline first, none last) or `caseId`. */
  sort?: CaseSort;
  limit: number;
  offset: number;
}

export interface CaseListRow {
  caseId: string;
  unitId: string;
  origin: string;
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
  /** The nearest running deadline's due date as the steps stand (next-deadline.ts), or null. */
  nextDueOn: string | null;
}

const ORDER: Record<CaseSort, string> = {
  received: 'received_on DESC, case_id',
  deadline: 'next_due, case_id',
  caseId: 'case_id',
};

/** A filter the search index answers alone: units, the search and nothing else. */
const SEARCH_COVERED = /^(1 = 1|unit_id IN \([?,]+\)) AND search LIKE \? ESCAPE '\\'$/;

/** LIKE's own characters in what a clerk typed are plain characters. */
const likeEscaped = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export class CaseListQueries {
  constructor(private readonly store: ReadStore) {}

  async page(filter: CaseListFilter): Promise<{ items: CaseListRow[]; total: number }> {
    if (filter.unitIds.length === 0) return { items: [], total: 0 };
    const where = filter.wholeTree ? ['1 = 1'] : [`unit_id IN (${filter.unitIds.map(() => '?').join(',')})`];
    const args: SqlValue[] = filter.wholeTree ? [] : [...filter.unitIds];
    if (filter.state) {
      where.push('state = ?');
      args.push(filter.state);
    }
    if (filter.statisticClass) {
      where.push('statistic_class = ?');
      args.push(filter.statisticClass);
    }
    if (filter.enforcerId) {
      where.push('enforcer_id = ?');
      args.push(filter.enforcerId);
    }
    if (filter.origin) {
      where.push('origin = ?');
      args.push(filter.origin);
    }
    // Amounts are whole đồng of at most 18 digits (IsVnd): exact in a 64-bit integer in both stores.
    if (filter.minDue !== undefined) {
      where.push('CAST(due AS BIGINT) >= CAST(? AS BIGINT)');
      args.push(filter.minDue);
    }
    if (filter.maxDue !== undefined) {
      where.push('CAST(due AS BIGINT) <= CAST(? AS BIGINT)');
      args.push(filter.maxDue);
    }
    const q = filter.q === undefined ? '' : searchText(filter.q);
    if (q) {
      where.push(`search LIKE ? ESCAPE '\\'`);
      args.push(`%${likeEscaped(q)}%`);
    }
    const clause = where.join(' AND ');
    const [count] = await this.store.all<{ n: SqlValue }>(`SELECT count(*) AS n FROM cases WHERE ${clause}`, args);
    if (q && SEARCH_COVERED.test(clause) && (filter.sort ?? 'received') !== 'received')
      return { total: int(count?.n), items: await this.searchPage(clause, args, filter) };
    const rows = await this.store.all<Record<string, SqlValue>>(
      `SELECT * FROM cases WHERE ${clause} ORDER BY ${ORDER[filter.sort ?? 'received']} LIMIT ? OFFSET ?`,
      [...args, filter.limit, filter.offset],
    );
    return { total: int(count?.n), items: rows.map(toRow) };
  }

  /**
   * A search over many units: a substring match no index can seek, so the page's case ids are
   * taken from the search index (cases_search: search, unit, next_due, case_id), a tenth of the
   * rows' bytes, and only the page's rows are read. The sort key is written as an expression so
   * that SQLite does not walk the next_due index and read a row for every entry instead.
   */
  private async searchPage(clause: string, args: SqlValue[], filter: CaseListFilter): Promise<CaseListRow[]> {
    const order = filter.sort === 'caseId' ? "(case_id || '')" : "(next_due || ''), case_id";
    const ids = await this.store.all<{ case_id: string }>(
      `SELECT case_id FROM cases WHERE ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...args, filter.limit, filter.offset],
    );
    if (ids.length === 0) return [];
    const rows = await this.store.all<Record<string, SqlValue>>(
      `SELECT * FROM cases WHERE case_id IN (${ids.map(() => '?').join(',')})`,
      ids.map((r) => r.case_id),
    );
    const byId = new Map(rows.map((r) => [r.case_id as string, r]));
    return ids.map((r) => toRow(byId.get(r.case_id)!));
  }
}

const toRow = (r: Record<string, SqlValue>): CaseListRow => ({
  caseId: r.case_id as string,
  unitId: r.unit_id as string,
  origin: r.origin as string,
  state: r.state as string,
  statisticClass: r.statistic_class as string,
  amounts: {
    due: r.due as string,
    collected: r.collected as string,
    disbursed: r.disbursed as string,
    reduced: r.reduced as string,
  },
  receivedOn: r.received_on as string,
  lastStepOn: r.last_on as string,
  revision: int(r.revision),
  enforcerId: r.enforcer_id as string | null,
  creditor: r.creditor as string,
  debtor: r.debtor as string,
  judgmentNumber: r.judgment_number as string,
  nextDueOn: r.next_due === NO_DEADLINE || r.next_due === null ? null : (r.next_due as string),
});
