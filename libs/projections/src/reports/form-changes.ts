import { MoneyKey } from '../statistics/report-shape';
import { DrillColumn, Part, partsOf } from '../statistics/drill-down-parts';
import { ReadStore, SqlValue } from '../store/read-store';
import { BuiltForm } from './forms';
import { BuiltReport, RowScope } from './build-form';
import { ReportForm } from './form-shape';

/** One cell that differs between a submission and today (GET …/submissions/{id}/changes). */
export interface CellChange {
  rowUnitId: string;
  rowKey: string;
  label: string;
  column: string;
  submitted: string;
  now: string;
  /** The cases with a move recorded after the submission's position that this cell counts. */
  caseIds: string[];
}

const partsOfColumn = (def: BuiltForm, key: string): Part[] => {
  const money = def.measure === 'money';
  const column = def.columns.find((c) => c.key === key);
  const keys: MoneyKey[] = key === 'rate' ? ['resolved', 'withConditions'] : [...(column?.sumOf ?? [key as MoneyKey])];
  return keys.flatMap((k) => partsOf(k as DrillColumn, money));
};

/** The cases behind a cell of `scope` whose moves were recorded after `position` (late steps, corrections). */
const casesMovedAfter = async (
  store: ReadStore,
  scope: RowScope,
  parts: Part[],
  position: bigint,
  from: string,
  to: string,
): Promise<string[]> => {
  const ids = new Set<string>();
  for (const part of parts) {
    const params: SqlValue[] = [...scope.unitIds, ...part.keys, position];
    const where = [
      `m.unit_id IN (${scope.unitIds.map(() => '?').join(', ')})`,
      `m.key IN (${part.keys.map(() => '?').join(', ')})`,
      'm.position > ?',
    ];
    if (part.kind === 'stockBefore') {
      where.push('m.day < ?');
      params.push(from);
    } else if (part.kind === 'stockAt') {
      where.push('m.day <= ?');
      params.push(to);
    } else {
      where.push('m.day BETWEEN ? AND ?');
      params.push(from, to);
    }
    if (scope.origin) {
      where.push('c.origin = ?');
      params.push(scope.origin);
    }
    if (scope.enforcerId !== undefined) {
      if (scope.enforcerId === null) where.push('c.enforcer_id IS NULL');
      else {
        where.push('c.enforcer_id = ?');
        params.push(scope.enforcerId);
      }
    }
    const rows = await store.all<{ caseId: string }>(
      `SELECT DISTINCT m.case_id AS "caseId" FROM statistics_moves m JOIN cases c ON c.case_id = m.case_id
      WHERE ${where.join(' AND ')}`,
      params,
    );
    for (const r of rows) ids.add(r.caseId);
  }
  return [...ids].sort();
};

/**
 * "What changed after you reported?": every cell of the submitted form beside the same cell
 * today, and for each difference the cases recorded since the submission's log position that
 * the cell counts. The totals row is compared too (rowKey `totals`).
 */
export const formChanges = async (
  store: ReadStore,
  def: BuiltForm,
  submitted: ReportForm,
  position: bigint,
  now: BuiltReport,
): Promise<CellChange[]> => {
  type Line = { unitId: string; label: string; cells: Record<string, string> };
  const rowsOf = (f: ReportForm) =>
    new Map<string, Line>([
      ...f.rows.map((r): [string, Line] => [r.rowKey, r]),
      ['totals', { unitId: f.unitId, label: 'Tổng cộng', cells: f.totals }],
    ]);
  const [before, after] = [rowsOf(submitted), rowsOf(now.form)];
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const changes: CellChange[] = [];
  for (const rowKey of keys) {
    const [b, a] = [before.get(rowKey), after.get(rowKey)];
    for (const column of def.columns) {
      const empty = column.key === 'rate' ? '0.00' : '0';
      const [s, n] = [b?.cells[column.key] ?? empty, a?.cells[column.key] ?? empty];
      if (s === n) continue;
      const scope = now.scopes.get(rowKey);
      const caseIds = scope
        ? await casesMovedAfter(store, scope, partsOfColumn(def, column.key), position, submitted.from, submitted.to)
        : [];
      changes.push({
        rowUnitId: (a ?? b)!.unitId,
        rowKey,
        label: (a ?? b)!.label,
        column: column.key,
        submitted: s,
        now: n,
        caseIds,
      });
    }
  }
  return changes;
};
