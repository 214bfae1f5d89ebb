import { int, ReadStore, SqlValue } from '../store/read-store';

export interface CaseListFilter {
  unitIds: ReadonlyArray<string>;
  state?: string;
  statisticClass?: string;
  enforcerId?: string;
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
}

export class CaseListQueries {
  constructor(private readonly store: ReadStore) {}

  async page(filter: CaseListFilter): Promise<{ items: CaseListRow[]; total: number }> {
    if (filter.unitIds.length === 0) return { items: [], total: 0 };
    const where = [`unit_id IN (${filter.unitIds.map(() => '?').join(',')})`];
    const args: SqlValue[] = [...filter.unitIds];
    if (filter.state) { where.push('state = ?'); args.push(filter.state); }
    if (filter.statisticClass) { where.push('statistic_class = ?'); args.push(filter.statisticClass); }
    if (filter.enforcerId) { where.push('enforcer_id = ?'); args.push(filter.enforcerId); }
    const clause = where.join(' AND ');
    const [count] = await this.store.all<{ n: SqlValue }>(`SELECT count(*) AS n FROM cases WHERE ${clause}`, args);
    const rows = await this.store.all<Record<string, SqlValue>>(
      `SELECT * FROM cases WHERE ${clause} ORDER BY received_on DESC, case_id LIMIT ? OFFSET ?`, [...args, filter.limit, filter.offset]);
    return { total: int(count?.n), items: rows.map(toRow) };
  }
}

const toRow = (r: Record<string, SqlValue>): CaseListRow => ({
  caseId: r.case_id as string, unitId: r.unit_id as string, origin: r.origin as string, state: r.state as string,
  statisticClass: r.statistic_class as string,
  amounts: { due: r.due as string, collected: r.collected as string, disbursed: r.disbursed as string, reduced: r.reduced as string },
  receivedOn: r.received_on as string, lastStepOn: r.last_on as string, revision: int(r.revision),
  enforcerId: r.enforcer_id as string | null, creditor: r.creditor as string, debtor: r.debtor as string, judgmentNumber: r.judgment_number as string,
});
