import { Column, columnsOf } from '../statistics/compose-report';
import { KnownAt, knownAtText } from '../statistics/known-at';
import { formatHundredths, rateHundredths } from '../statistics/percent';
import { LedgerSums } from '../statistics/ledger-sums';
import { registeredTree, scopeOf } from '../statistics/report-scope';
import { ReadStore } from '../store/read-store';
import { reportLayoutOf } from '../units/report-rows';
import { UnitHistoryQueries } from '../units/unit-history-queries';
import { BuiltForm } from './forms';
import { addSums, emptySums, readEnforcerDaily, readOriginDaily, readSplitSums, subtractSums } from './form-sums';
import { ReportForm, ReportFormRow } from './form-shape';
import { addRows, toThousands } from './thousand-dong';

export interface FormQuery {
  unitId: string;
  from: string;
  to: string;
  knownAt?: KnownAt;
}

/** Which cases a row (or the totals, key `totals`) counts: for the cases behind a changed cell. */
export interface RowScope {
  unitIds: string[];
  origin?: string;
  /** Present on a row by enforcer: null for the cases assigned to no one. */
  enforcerId?: string | null;
}

export interface BuiltReport {
  form: ReportForm;
  scopes: Map<string, RowScope>;
}

export const ORIGIN_LABELS: Record<string, string> = { exOfficio: 'Chủ động', onRequest: 'Theo yêu cầu' };
const ORIGINS = ['exOfficio', 'onRequest'] as const;

export const ROUNDING_NOTE =
  'Tiền tính bằng nghìn đồng. Các khoản thụ lý, ủy thác, thu hồi làm tròn nửa lên; các khoản "phải thi hành" chia theo phương pháp số dư lớn nhất (largest remainder) để mọi đẳng thức của biểu đúng trên số đã làm tròn, mỗi ô lệch số chính xác dưới một nghìn; dòng có việc chuyển đi, chuyển đến (không phải cột của biểu) làm tròn từng ô, đẳng thức của dòng thể hiện phần chuyển; dòng tổng cộng là tổng các dòng đã làm tròn; tỷ lệ tính trên số đồng chính xác (docs/reports.md).';

const zero = (): Column => addRows([]);

const exactRate = (columns: Column[]) => {
  const sum = addRows(columns);
  return rateHundredths(sum.resolved, sum.withConditions);
};

/** A node of the form: its exact and printed figures, and the rows under it. */
interface Node {
  exact: Column;
  printed: Column;
}

const leaf = (exact: Column, money: boolean): Node => ({ exact, printed: money ? toThousands(exact) : exact });
const parent = (children: Node[]): Node => {
  const exact = addRows(children.map((c) => c.exact));
  return {
    exact,
    printed: addRows(
      children.map((c) => c.printed),
      exactRate(children.map((c) => c.exact)),
    ),
  };
};

/**
 * A form for a unit and period, from the ledger (docs/reports.md). Rows are the unit's own cases
 * and each subunit (forms 01, 02; each with chủ động / theo yêu cầu), or each agency and its
 * enforcers (04, 05), as the tree stood on the period's end, each row covering the units it
 * continues (report-rows.ts, docs/reorganisation.md §4), so that the totals, the sums of the
 * printed rows, are the unit's report.
 */
export const buildForm = async (store: ReadStore, def: BuiltForm, q: FormQuery): Promise<BuiltReport> => {
  const [histories, registered] = await Promise.all([
    new UnitHistoryQueries(store).histories(q.knownAt),
    registeredTree(store),
  ]);
  if (!histories.has(q.unitId)) throw new RangeError(`unknown unit ${q.unitId}`);
  const layout = reportLayoutOf(histories, q.unitId, q.to);
  const money = def.measure === 'money';
  const exactOf = (s: { sums: Parameters<typeof columnsOf>[0] }) => columnsOf(s.sums)[def.measure];
  const children = layout.children;
  // What is known now is a range sum of the origin ledger (by unit and origin) when every row's
  // units are whole registered subtrees (report-scope.ts), or of the enforcer ledger (by agency and
  // enforcer); a moment in the past (asKnownAt), or a tree a reorganisation cut, needs the per-case moves.
  const scopes = [layout.members, ...children.map((c) => c.members)].map((m) => scopeOf(registered, m));
  const daily = def.rows === 'subunits' && !q.knownAt && scopes.every((s) => 'daily' in s);
  const tops = (i: number) => {
    const s = scopes[i];
    return 'daily' in s ? s.daily : [];
  };
  const origins = daily
    ? await readOriginDaily(store, [...new Set(scopes.flatMap((_, i) => tops(i)))], q.from, q.to)
    : new Map<string, LedgerSums>();
  /** A set's sums by origin: the sum of its tops' daily sums. */
  const originSums = (i: number, origin: string) =>
    addSums(tops(i).map((t) => origins.get(`${t}\u0000${origin}`) ?? emptySums()));
  const splits = daily
    ? []
    : def.rows === 'enforcers' && !q.knownAt
      ? await readEnforcerDaily(store, layout.members, q.from, q.to)
      : await readSplitSums(store, {
          unitIds: layout.members,
          from: q.from,
          to: q.to,
          knownAt: q.knownAt,
          byEnforcer: def.rows === 'enforcers',
        });

  const rows: ReportFormRow[] = [];
  const scopesOfRows = new Map<string, RowScope>();
  const groups: Node[] = [];
  const push = (row: Omit<ReportFormRow, 'cells'>, node: Node, scope: RowScope) => {
    rows.push({ ...row, cells: cellsOf(def, node.printed) });
    scopesOfRows.set(row.rowKey, scope);
  };

  if (def.rows === 'subunits') {
    // Each member belongs to the row of the child whose units it is in, or to the unit's own row.
    const rowOf = new Map<string, string>();
    for (const c of children) for (const m of c.members) rowOf.set(m, c.unitId);
    const splitsOf = groupSplits(splits, (s) => rowOf.get(s.unitId) ?? q.unitId);
    const lines = [
      { unitId: q.unitId, name: layout.name, members: children.length > 0 ? layout.own : layout.members, set: 0 },
      ...children.map((c, i) => ({ ...c, set: i + 1 })),
    ];
    for (const g of lines) {
      const own = g.unitId === q.unitId && children.length > 0;
      const mine = splitsOf.get(g.unitId) ?? [];
      const exactByOrigin = (o: string) =>
        !daily
          ? addRows(mine.filter((s) => s.origin === o).map(exactOf))
          : exactOf({
              sums: own
                ? subtractSums(
                    originSums(0, o),
                    children.map((_, i) => originSums(i + 1, o)),
                  )
                : originSums(g.set, o),
            });
      const byOrigin = ORIGINS.map((o) => leaf(exactByOrigin(o), money));
      const node = def.splitByOrigin ? parent(byOrigin) : leaf(addRows(ORIGINS.map(exactByOrigin)), money);
      groups.push(node);
      push(
        { unitId: g.unitId, rowKey: g.unitId, label: own ? `${g.name} (trực tiếp thụ lý)` : g.name, depth: 0 },
        node,
        { unitIds: g.members },
      );
      if (def.splitByOrigin) {
        ORIGINS.forEach((o, i) =>
          push(
            { unitId: g.unitId, rowKey: `${g.unitId}/${o}`, label: ORIGIN_LABELS[o], depth: 1, origin: o },
            byOrigin[i],
            { unitIds: g.members, origin: o },
          ),
        );
      }
    }
  } else {
    // Each agency's row holds the units it continues (report-rows.ts): a merge's transfers stay on one row.
    const agencyOf = new Map<string, string>();
    for (const a of layout.agencies) for (const m of a.members) agencyOf.set(m, a.unitId);
    const splitsOf = groupSplits(splits, (s) => agencyOf.get(s.unitId) ?? s.unitId);
    const agencies = layout.agencies.some((a) => a.unitId === q.unitId)
      ? layout.agencies
      : [{ unitId: q.unitId, name: layout.name, members: [] as string[] }, ...layout.agencies];
    for (const agency of agencies) {
      const mine = splitsOf.get(agency.unitId) ?? [];
      if (mine.length === 0 && agency.unitId !== q.unitId) continue;
      const enforcers = [...new Set(mine.map((s) => s.enforcerId))].sort((a, b) =>
        (a ?? '\uffff').localeCompare(b ?? '\uffff'),
      );
      const byEnforcer = enforcers.map((e) =>
        leaf(addRows(mine.filter((s) => s.enforcerId === e).map(exactOf)), money),
      );
      const node = byEnforcer.length ? parent(byEnforcer) : leaf(zero(), money);
      groups.push(node);
      push({ unitId: agency.unitId, rowKey: agency.unitId, label: agency.name, depth: 0 }, node, {
        unitIds: agency.members,
      });
      enforcers.forEach((e, i) =>
        push(
          {
            unitId: agency.unitId,
            rowKey: `${agency.unitId}/enforcer:${e ?? '-'}`,
            label: e ? `Chấp hành viên ${e}` : 'Chưa phân công Chấp hành viên',
            depth: 1,
            enforcerId: e,
          },
          byEnforcer[i],
          { unitIds: agency.members, enforcerId: e },
        ),
      );
    }
  }
  const totals = parent(groups);
  scopesOfRows.set('totals', { unitIds: layout.members });
  const form: ReportForm = {
    form: def.id,
    unitId: q.unitId,
    unitName: layout.name,
    ...(layout.includes.length > 0 ? { includes: layout.includes } : {}),
    from: q.from,
    to: q.to,
    regime: def.regime,
    title: def.title,
    basis: def.basis,
    unit: def.unit,
    asKnownAt: knownAtText(q.knownAt),
    layoutKnown: def.layoutKnown,
    layoutNote: def.layoutNote,
    ...(money ? { rounding: ROUNDING_NOTE } : {}),
    identities: [...def.identities],
    columns: def.columns.map((c) => ({
      key: c.key,
      number: c.number,
      label: c.label,
      ...(c.group ? { group: c.group } : {}),
    })),
    rows,
    totals: cellsOf(def, totals.printed),
  };
  return { form, scopes: scopesOfRows };
};

const groupSplits = <T>(items: ReadonlyArray<T>, keyOf: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
};

/** The printed figures of a row, column by column, as strings. */
export const cellsOf = (def: BuiltForm, printed: Column): Record<string, string> =>
  Object.fromEntries(
    def.columns.map((c) => {
      if (c.key === 'rate') return [c.key, formatHundredths(printed.rate)];
      const value = c.sumOf
        ? c.sumOf.reduce((t, k) => t + (k === 'rate' ? 0n : printed[k]), 0n)
        : printed[c.key as Exclude<keyof Column, 'rate'>];
      return [c.key, value.toString()];
    }),
  );
