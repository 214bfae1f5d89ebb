import { DeadlineStatus } from '@thads/domain';
import { int, ReadStore, SqlValue } from '../store/read-store';

/** Which rows: the cases of some units (all units when null) as of a day, one rule, the cases of one enforcer. */
export interface DeadlineRowScope {
  units: ReadonlyArray<string> | null;
  asOf: string;
  rule?: string;
  enforcerId?: string;
}

/** A deadline as the board orders it, before its case is evaluated for the rest of the item. */
export interface DeadlineRowKey {
  caseId: string;
  unitId: string;
  enforcerId: string | null;
  rule: string;
  triggerOn: string;
  nth: number;
  status: DeadlineStatus;
  due: string;
  /** Days overdue (as of the day asked), late, or past due when cancelled; 0 otherwise. */
  pastDue: number;
}

/** A deadline's status as of the day asked (the first parameter): a pending one is overdue once its due date is past. */
const STATUS = `CASE WHEN r.state = 'pending' THEN CASE WHEN r.due < ? THEN 'overdue' ELSE 'open' END ELSE r.state END`;
/** board-order.ts in SQL: overdue, late, open, met, cancelled. */
const RANK = `CASE r.state WHEN 'pending' THEN CASE WHEN r.due < ? THEN 0 ELSE 2 END WHEN 'late' THEN 1 WHEN 'met' THEN 3 ELSE 4 END`;

const statusTest = (status: DeadlineStatus): string => {
  switch (status) {
    case 'overdue':
      return `(r.state = 'pending' AND r.due < ?)`;
    case 'open':
      return `(r.state = 'pending' AND r.due >= ?)`;
    default:
      return `r.state = '${status}'`;
  }
};

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * The deadlines read model (deadlines.projection.ts) as the inspection board reads it: counts by
 * unit and status, the cases standing paused (evaluated when asked), and the board's order over
 * the rows, all as of one day.
 */
export class DeadlineRowQueries {
  constructor(private readonly store: ReadStore) {}

  /**
   * What the rows (and the case steps beside them) stand for: the last case event that changed
   * them live, or the mark of the replay that wrote them (deadlines.projection.ts). Events that
   * change no case (a login, a target) leave it alone.
   */
  async position(): Promise<string> {
    const [row] = await this.store.all<{ position: SqlValue }>(
      `SELECT coalesce((SELECT position FROM deadline_meta WHERE name = 'changed'),
         (SELECT position FROM projection_checkpoints WHERE name = 'deadlines')) AS position`,
    );
    return String(row?.position ?? '');
  }

  private where(scope: DeadlineRowScope, volatile: boolean): { sql: string; params: SqlValue[] } {
    const params: SqlValue[] = [scope.asOf, scope.asOf, scope.asOf];
    let sql = `r.valid_from <= ? AND r.valid_to > ? AND r.starts_on <= ? AND r.state ${volatile ? '=' : '<>'} 'volatile'`;
    if (scope.units) {
      sql += ` AND r.unit_id IN (${scope.units.map(() => '?').join(',')})`;
      params.push(...scope.units);
    }
    if (scope.rule !== undefined && !volatile) {
      sql += ' AND r.rule = ?';
      params.push(scope.rule);
    }
    if (scope.enforcerId !== undefined) {
      sql += ' AND l.enforcer_id = ?';
      params.push(scope.enforcerId);
    }
    return { sql, params };
  }

  private join(scope: DeadlineRowScope): string {
    return scope.enforcerId === undefined ? '' : ' JOIN cases l ON l.case_id = r.case_id';
  }

  /** Deadlines by unit and status (the paused cases' left out: see `pausedCases`). */
  async counts(scope: DeadlineRowScope): Promise<Array<{ unitId: string; status: DeadlineStatus; n: number }>> {
    if (scope.units?.length === 0) return [];
    const w = this.where(scope, false);
    const rows = await this.store.all<{ unit_id: string; status: DeadlineStatus; n: SqlValue }>(
      `SELECT r.unit_id, ${STATUS} AS status, count(*) AS n FROM deadline_rows r${this.join(scope)}
       WHERE ${w.sql} GROUP BY r.unit_id, status`,
      [scope.asOf, ...w.params],
    );
    return rows.map((r) => ({ unitId: r.unit_id, status: r.status, n: int(r.n) }));
  }

  /** How many rows of these statuses: a page's total, without grouping by unit. */
  async count(scope: DeadlineRowScope, statuses: ReadonlyArray<DeadlineStatus>): Promise<number> {
    if (scope.units?.length === 0 || statuses.length === 0) return 0;
    const w = this.where(scope, false);
    const testParams = statuses.filter((s) => s === 'open' || s === 'overdue').map(() => scope.asOf);
    const [row] = await this.store.all<{ n: SqlValue }>(
      `SELECT count(*) AS n FROM deadline_rows r${this.join(scope)} WHERE ${w.sql} AND (${statuses.map(statusTest).join(' OR ')})`,
      [...w.params, ...testParams],
    );
    return int(row?.n);
  }

  /** The cases standing postponed or suspended on the day: their deadlines move with every day, so they are evaluated. */
  async pausedCases(
    scope: DeadlineRowScope,
  ): Promise<Array<{ caseId: string; unitId: string; enforcerId: string | null }>> {
    if (scope.units?.length === 0) return [];
    const w = this.where(scope, true);
    const rows = await this.store.all<{ case_id: string; unit_id: string; enforcer_id: string | null }>(
      `SELECT DISTINCT r.case_id, r.unit_id, c.enforcer_id FROM deadline_rows r${this.join(scope)}
       LEFT JOIN cases c ON c.case_id = r.case_id WHERE ${w.sql} ORDER BY r.case_id`,
      w.params,
    );
    return rows.map((r) => ({ caseId: r.case_id, unitId: r.unit_id, enforcerId: r.enforcer_id ?? null }));
  }

  /**
   * The rows of some statuses in the board's order (board-order.ts: status, most days past due,
   * earliest due date, case, rule, trigger day), `limit` of them from `offset`.
   */
  async ordered(
    scope: DeadlineRowScope,
    statuses: ReadonlyArray<DeadlineStatus>,
    offset: number,
    limit: number,
  ): Promise<DeadlineRowKey[]> {
    if (scope.units?.length === 0 || statuses.length === 0 || limit <= 0) return [];
    const w = this.where(scope, false);
    const tests = statuses.map(statusTest);
    const testParams = statuses.filter((s) => s === 'open' || s === 'overdue').map(() => scope.asOf);
    // Within pending rows the most days overdue is the earliest due date: past_due is 0 for them.
    const rows = await this.store.all<{
      case_id: string;
      unit_id: string;
      enforcer_id: string | null;
      rule: string;
      trigger_on: string;
      nth: SqlValue;
      status: DeadlineStatus;
      due: string;
      past_due: SqlValue;
    }>(
      `SELECT r.case_id, r.unit_id, c.enforcer_id, r.rule, r.trigger_on, r.nth, ${STATUS} AS status, r.due, r.past_due
       FROM deadline_rows r${this.join(scope)} LEFT JOIN cases c ON c.case_id = r.case_id
       WHERE ${w.sql} AND (${tests.join(' OR ')})
       ORDER BY ${RANK}, r.past_due DESC, r.due, r.case_id, r.rule, r.trigger_on, r.nth
       LIMIT ${Math.floor(limit)} OFFSET ${Math.floor(offset)}`,
      [scope.asOf, ...w.params, ...testParams, scope.asOf],
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      unitId: r.unit_id,
      enforcerId: r.enforcer_id ?? null,
      rule: r.rule,
      triggerOn: r.trigger_on,
      nth: int(r.nth),
      status: r.status,
      due: r.due,
      pastDue: r.status === 'overdue' ? daysBetween(r.due, scope.asOf) : int(r.past_due),
    }));
  }
}
