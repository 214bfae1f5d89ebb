import { Column, columnsOf } from '../statistics/compose-report';
import { KnownAt, knownAtText } from '../statistics/known-at';
import { formatHundredths, rateHundredths } from '../statistics/percent';
import { ReadStore } from '../store/read-store';
import { UnitQueries } from '../units/unit-queries';
import { BuiltForm } from './forms';
import { emptySums, readEnforcerDaily, readOriginDaily, readSplitSums, subtractSums } from './form-sums';
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
  'Tiền tính bằng nghìn đồng. Các khoản thụ lý, ủy thác, thu hồi làm tròn nửa lên; các khoản "phải thi hành" chia theo phương pháp số dư lớn nhất (largest remainder) để mọi đẳng thức của biểu đúng trên số đã làm tròn; dòng tổng cộng là tổng các dòng đã làm tròn; tỷ lệ tính trên số đồng chính xác (docs/reports.md).';

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
 * enforcers (04, 05). Totals are the sums of the printed rows.
 */
export const buildForm = async (store: ReadStore, def: BuiltForm, q: FormQuery): Promise<BuiltReport> => {
  const units = await new UnitQueries(store).list();
  const unit = units.find((u) => u.unitId === q.unitId);
  if (!unit) throw new RangeError(`unknown unit ${q.unitId}`);
  const subtree = units.filter((u) => u.path.startsWith(unit.path));
  const money = def.measure === 'money';
  const exactOf = (s: { sums: Parameters<typeof columnsOf>[0] }) => columnsOf(s.sums)[def.measure];
  // What is known now is a range sum of the origin ledger (by unit and origin) or of the enforcer
  // ledger (by agency and enforcer); a moment in the past (asKnownAt) needs the per-case moves.
  const daily = def.rows === 'subunits' && !q.knownAt;
  const children = subtree.filter((u) => u.parentId === unit.unitId);
  const origins = daily
    ? await readOriginDaily(store, [unit.unitId, ...children.map((c) => c.unitId)], q.from, q.to)
    : new Map();
  const originSums = (scope: string, origin: string) => origins.get(`${scope}\u0000${origin}`) ?? emptySums();
  const splits = daily
    ? []
    : def.rows === 'enforcers' && !q.knownAt
      ? await readEnforcerDaily(
          store,
          subtree.map((u) => u.unitId),
          q.from,
          q.to,
        )
      : await readSplitSums(store, {
          unitIds: subtree.map((u) => u.unitId),
          from: q.from,
          to: q.to,
          knownAt: q.knownAt,
          byEnforcer: def.rows === 'enforcers',
        });

  const rows: ReportFormRow[] = [];
  const scopes = new Map<string, RowScope>();
  const groups: Node[] = [];
  const push = (row: Omit<ReportFormRow, 'cells'>, node: Node, scope: RowScope) => {
    rows.push({ ...row, cells: cellsOf(def, node.printed) });
    scopes.set(row.rowKey, scope);
  };

  if (def.rows === 'subunits') {
    // Each unit of the subtree belongs to the row of the child it lies under, or to the unit's own row.
    const groupOf = new Map(subtree.map((u) => [u.unitId, children.find((c) => u.path.startsWith(c.path)) ?? unit]));
    const splitsOf = groupSplits(splits, (s) => groupOf.get(s.unitId)!.unitId);
    for (const g of [unit, ...children]) {
      const own = g === unit && children.length > 0;
      const unitIds = own ? [unit.unitId] : subtree.filter((u) => groupOf.get(u.unitId) === g).map((u) => u.unitId);
      const mine = splitsOf.get(g.unitId) ?? [];
      const exactByOrigin = (o: string) =>
        !daily
          ? addRows(mine.filter((s) => s.origin === o).map(exactOf))
          : exactOf({
              sums: own
                ? subtractSums(
                    originSums(g.unitId, o),
                    children.map((c) => originSums(c.unitId, o)),
                  )
                : originSums(g.unitId, o),
            });
      const byOrigin = ORIGINS.map((o) => leaf(exactByOrigin(o), money));
      const node = def.splitByOrigin ? parent(byOrigin) : leaf(addRows(ORIGINS.map(exactByOrigin)), money);
      groups.push(node);
      push(
        { unitId: g.unitId, rowKey: g.unitId, label: own ? `${g.name} (trực tiếp thụ lý)` : g.name, depth: 0 },
        node,
        { unitIds },
      );
      if (def.splitByOrigin) {
        ORIGINS.forEach((o, i) =>
          push(
            { unitId: g.unitId, rowKey: `${g.unitId}/${o}`, label: ORIGIN_LABELS[o], depth: 1, origin: o },
            byOrigin[i],
            { unitIds, origin: o },
          ),
        );
      }
    }
  } else {
    const splitsOf = groupSplits(splits, (s) => s.unitId);
    for (const agency of subtree) {
      const mine = splitsOf.get(agency.unitId) ?? [];
      if (mine.length === 0 && agency !== unit) continue;
      const enforcers = [...new Set(mine.map((s) => s.enforcerId))].sort((a, b) =>
        (a ?? '\uffff').localeCompare(b ?? '\uffff'),
      );
      const byEnforcer = enforcers.map((e) =>
        leaf(addRows(mine.filter((s) => s.enforcerId === e).map(exactOf)), money),
      );
      const node = byEnforcer.length ? parent(byEnforcer) : leaf(zero(), money);
      groups.push(node);
      push({ unitId: agency.unitId, rowKey: agency.unitId, label: agency.name, depth: 0 }, node, {
        unitIds: [agency.unitId],
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
          { unitIds: [agency.unitId], enforcerId: e },
        ),
      );
    }
  }
  const totals = parent(groups);
  scopes.set('totals', { unitIds: subtree.map((u) => u.unitId) });
  const form: ReportForm = {
    form: def.id,
    unitId: unit.unitId,
    unitName: unit.name,
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
  return { form, scopes };
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
