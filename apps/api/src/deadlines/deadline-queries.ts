import { DEADLINE_STATUSES, DeadlineStatus } from '@thads/domain';
import {
  CaseStepQueries,
  DeadlineRowKey,
  DeadlineRowQueries,
  DeadlineRowScope,
  UnitQueries,
  UnitRow,
} from '@thads/projections';
import { boardOrder } from './board-order';
import { DeadlineEngine, DeadlineItem } from './deadline-engine';

export { DEADLINE_STATUSES, DeadlineStatus };

export interface UnitDeadlineItem extends DeadlineItem {
  caseId: string;
  unitId: string;
  /** The enforcer assigned to the case now (the case list's), or null. */
  enforcerId: string | null;
}

/** Which deadlines: a unit and its subunits as of a day, optionally only some statuses, one rule, one enforcer's cases. */
export interface DeadlineFilter {
  unitId: string;
  asOf: string;
  statuses?: ReadonlyArray<DeadlineStatus>;
  rule?: string;
  enforcerId?: string;
}

export type StatusCounts = Record<DeadlineStatus, number> & { total: number };

const noCounts = (): StatusCounts => ({ open: 0, overdue: 0, met: 0, late: 0, cancelled: 0, total: 0 });

/** Evaluations of the paused cases kept: a few inspectors paging at once. */
const PAUSED_KEPT = 4;

/** Cases evaluated at a time: their steps in one query. */
const CHUNK = 500;

type Sortable = Pick<UnitDeadlineItem, 'status' | 'due' | 'caseId' | 'rule'> & { pastDue: number; triggerOn: string };
const sortable = (d: UnitDeadlineItem): Sortable => ({
  ...d,
  pastDue: d.daysOverdue ?? d.daysLate ?? d.daysPastDueWhenCancelled ?? 0,
  triggerOn: d.trigger.on,
});
const RANK: Record<DeadlineStatus, number> = { overdue: 0, late: 1, open: 2, met: 3, cancelled: 4 };
/** board-order.ts over what a row and an item both have. */
const before = (a: Sortable, b: Sortable): boolean => {
  const by =
    RANK[a.status] - RANK[b.status] ||
    b.pastDue - a.pastDue ||
    (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
    (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0) ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.triggerOn < b.triggerOn ? -1 : a.triggerOn > b.triggerOn ? 1 : 0);
  return by < 0;
};

/** A row whose case, evaluated now, has no such deadline: the read model is not the engine's (another calendar). */
class RowsDisagree extends Error {}

/**
 * Deadlines of every case of a unit and its subunits as of a date, from the deadlines read model
 * (libs/projections/src/deadlines): the rows give which deadlines, their status as of the day and
 * the board's order, indexed; the cases of a page are then evaluated by the rules in force on
 * each trigger's date for the rest of each item (title, article, trigger, satisfaction…), so an
 * item is the engine's own. Cases standing paused on the day move their due dates every day and
 * are evaluated whole, then merged into the order.
 */
export class DeadlineQueries {
  /** Requests answered by evaluating every case because the rows disagreed with the engine (tests expect none). */
  disagreements = 0;
  private readonly pausedKept = new Map<string, Promise<UnitDeadlineItem[]>>();

  constructor(
    private readonly units: UnitQueries,
    private readonly caseSteps: CaseStepQueries,
    private readonly rows: DeadlineRowQueries,
    private readonly engine: DeadlineEngine,
  ) {}

  /** A page of the matching deadlines, most overdue first (board-order.ts), and how many match. */
  async page(
    filter: DeadlineFilter,
    offset: number,
    limit: number,
  ): Promise<{ total: number; items: UnitDeadlineItem[] }> {
    try {
      if (this.engine.shipped) return await this.fromRows(filter, offset, limit);
    } catch (error) {
      if (!(error instanceof RowsDisagree)) throw error;
      this.disagreements++;
    }
    const all = await this.evaluated(filter);
    return { total: all.length, items: all.slice(offset, offset + limit) };
  }

  /** Every matching deadline, most overdue first (the CSV, the summary). */
  async list(filter: DeadlineFilter): Promise<UnitDeadlineItem[]> {
    return (await this.page(filter, 0, Number.MAX_SAFE_INTEGER)).items;
  }

  private async scope(filter: DeadlineFilter): Promise<DeadlineRowScope> {
    const [units, all] = await Promise.all([this.units.subtree(filter.unitId), this.units.count()]);
    return {
      // Every unit: no unit filter, so the index need not be read unit by unit.
      units: units.length === all ? null : units,
      asOf: filter.asOf,
      ...(filter.rule !== undefined && { rule: filter.rule }),
      ...(filter.enforcerId !== undefined && { enforcerId: filter.enforcerId }),
    };
  }

  /** The deadlines of the cases standing paused on the day, evaluated, filtered, in the board's order. */
  private async paused(filter: DeadlineFilter, scope: DeadlineRowScope): Promise<UnitDeadlineItem[]> {
    return (await this.allPaused(scope)).filter(
      (item) =>
        (!filter.statuses || filter.statuses.includes(item.status)) && (!filter.rule || item.rule === filter.rule),
    );
  }

  /**
   * Every deadline of the cases paused on the day (thousands of cases in a national board), kept
   * for the scope, day and enforcer at the read model's position: the pages, the chart and the
   * CSV of one board ask for them again and again, and a projected event changes the key, so
   * nothing newer is hidden.
   */
  private allPaused(scope: DeadlineRowScope): Promise<UnitDeadlineItem[]> {
    return this.rows.position().then((position) => {
      const key = JSON.stringify([scope.units, scope.asOf, scope.enforcerId ?? null, position]);
      let kept = this.pausedKept.get(key);
      if (!kept) {
        kept = this.evaluatePaused({ ...scope, rule: undefined });
        this.pausedKept.set(key, kept);
        while (this.pausedKept.size > PAUSED_KEPT) this.pausedKept.delete(this.pausedKept.keys().next().value!);
        kept.catch(() => this.pausedKept.delete(key));
      }
      return kept;
    });
  }

  private async evaluatePaused(scope: DeadlineRowScope): Promise<UnitDeadlineItem[]> {
    const cases = await this.rows.pausedCases(scope);
    const items: UnitDeadlineItem[] = [];
    for (let i = 0; i < cases.length; i += CHUNK) {
      const chunk = cases.slice(i, i + CHUNK);
      const steps = await this.caseSteps.forCases(chunk.map((c) => c.caseId));
      for (const c of chunk)
        for (const item of this.engine.evaluate(steps.get(c.caseId) ?? [], scope.asOf))
          items.push({ caseId: c.caseId, unitId: c.unitId, enforcerId: c.enforcerId, ...item });
    }
    return items.sort(boardOrder);
  }

  private async fromRows(filter: DeadlineFilter, offset: number, limit: number) {
    const scope = await this.scope(filter);
    const statuses = filter.statuses ?? DEADLINE_STATUSES;
    const [fromRows, paused] = await Promise.all([this.rows.count(scope, statuses), this.paused(filter, scope)]);
    const total = fromRows + paused.length;
    const end = Math.min(offset + limit, total);
    if (offset >= end) return { total, items: [] };
    // The page's rows lie from at most paused.length + 1 rows before `offset`: each paused item before it takes a place.
    const first = offset > paused.length ? offset - paused.length - 1 : 0;
    const keys = await this.rows.ordered(scope, statuses, first, Math.min(end, fromRows) - first);
    let at = first;
    let p = 0;
    if (first > 0) {
      // Where the first row stands: after the rows before it and the paused items that come before it.
      while (p < paused.length && before(sortable(paused[p]), keys[0])) p++;
      at += p;
    }
    const picked: Array<DeadlineRowKey | UnitDeadlineItem> = [];
    let k = 0;
    while (at < end && (k < keys.length || p < paused.length)) {
      const takeRow = k < keys.length && (p >= paused.length || before(keys[k], sortable(paused[p])));
      const next = takeRow ? keys[k++] : paused[p++];
      if (at >= offset) picked.push(next);
      at++;
    }
    return { total, items: await this.filled(picked, filter.asOf) };
  }

  /** The items of the page's rows, from their cases evaluated as of the day. */
  private async filled(
    picked: ReadonlyArray<DeadlineRowKey | UnitDeadlineItem>,
    asOf: string,
  ): Promise<UnitDeadlineItem[]> {
    const keys = picked.filter((x): x is DeadlineRowKey => 'nth' in x);
    const found = new Map<string, UnitDeadlineItem>();
    const caseIds = [...new Set(keys.map((k) => k.caseId))];
    const enforcers = new Map(keys.map((k) => [k.caseId, { unitId: k.unitId, enforcerId: k.enforcerId }]));
    for (let i = 0; i < caseIds.length; i += CHUNK) {
      const steps = await this.caseSteps.forCases(caseIds.slice(i, i + CHUNK));
      for (const [caseId, caseSteps] of steps) {
        const seen = new Map<string, number>();
        const { unitId, enforcerId } = enforcers.get(caseId)!;
        for (const item of this.engine.evaluate(caseSteps, asOf)) {
          const id = `${caseId}\u0000${item.rule}\u0000${item.trigger.on}`;
          const nth = seen.get(id) ?? 0;
          seen.set(id, nth + 1);
          found.set(`${id}\u0000${nth}`, { caseId, unitId, enforcerId, ...item });
        }
      }
    }
    return picked.map((x) => {
      if (!('nth' in x)) return x;
      const item = found.get(`${x.caseId}\u0000${x.rule}\u0000${x.triggerOn}\u0000${x.nth}`);
      if (!item || item.status !== x.status || item.due !== x.due) throw new RowsDisagree();
      return item;
    });
  }

  /**
   * Every matching deadline by evaluating every case in scope (the way before the read model):
   * what a request falls back to when the rows disagree with the engine, and what tests compare with.
   */
  async evaluated(filter: DeadlineFilter): Promise<UnitDeadlineItem[]> {
    const units = await this.units.subtree(filter.unitId);
    const items: UnitDeadlineItem[] = [];
    for await (const c of this.caseSteps.forUnits(units, filter.asOf, { enforcerId: filter.enforcerId })) {
      for (const item of this.engine.evaluate(c.steps, filter.asOf)) {
        if (filter.statuses && !filter.statuses.includes(item.status)) continue;
        if (filter.rule && item.rule !== filter.rule) continue;
        items.push({ caseId: c.caseId, unitId: c.unitId, enforcerId: c.enforcerId, ...item });
      }
    }
    return items.sort(boardOrder);
  }

  /**
   * For the board's chart: deadlines counted by status for the unit's own cases and for each unit
   * directly under it (with everything under that one), as of a day, from the rows' counts.
   */
  async byUnit(filter: DeadlineFilter) {
    const all = await this.units.list();
    const top = all.find((u) => u.unitId === filter.unitId)!;
    const children = all.filter((u) => u.parentId === filter.unitId);
    // Each unit of the subtree counts toward the row of the child it lies under (or the unit's own row).
    const rowOf = new Map<string, string>([[top.unitId, top.unitId]]);
    for (const child of children)
      for (const u of all) if (u.path.startsWith(child.path)) rowOf.set(u.unitId, child.unitId);
    const counts = new Map<string, StatusCounts>([top, ...children].map((u) => [u.unitId, noCounts()]));
    const total = noCounts();
    const add = (unitId: string, status: DeadlineStatus, n: number) => {
      const row = counts.get(rowOf.get(unitId) ?? top.unitId)!;
      row[status] += n;
      row.total += n;
      total[status] += n;
      total.total += n;
    };
    const scope = await this.scope({ ...filter, statuses: undefined });
    if (!this.engine.shipped) {
      for (const item of await this.evaluated({ ...filter, statuses: undefined })) add(item.unitId, item.status, 1);
      return this.byUnitAnswer(filter, top, children, counts, total);
    }
    const [rows, paused] = await Promise.all([
      this.rows.counts(scope),
      this.paused({ ...filter, statuses: undefined }, scope),
    ]);
    for (const c of rows) add(c.unitId, c.status, c.n);
    for (const item of paused) add(item.unitId, item.status, 1);
    return this.byUnitAnswer(filter, top, children, counts, total);
  }

  private byUnitAnswer(
    filter: DeadlineFilter,
    top: UnitRow,
    children: UnitRow[],
    counts: Map<string, StatusCounts>,
    total: StatusCounts,
  ) {
    const row = (u: UnitRow, own: boolean) => ({
      unitId: u.unitId,
      name: u.name,
      level: u.level,
      scope: own ? 'own' : 'subtree',
      ...counts.get(u.unitId)!,
    });
    return {
      unitId: filter.unitId,
      asOf: filter.asOf,
      rule: filter.rule ?? null,
      enforcerId: filter.enforcerId ?? null,
      statuses: DEADLINE_STATUSES,
      total,
      units: [row(top, true), ...children.map((c) => row(c, false))],
    };
  }

  /**
   * For the inspection report: deadlines due within [from, to] that were met late or are still
   * missed at `to`, counted per rule and per unit.
   */
  async summary(unitId: string, from: string, to: string) {
    const byRule = new Map<
      string,
      { rule: string; title: string; legalBasis: unknown; late: number; missed: number }
    >();
    const byUnit = new Map<string, { unitId: string; late: number; missed: number }>();
    let due = 0;
    for (const item of await this.list({ unitId, asOf: to })) {
      if (item.due < from || item.due > to || item.status === 'cancelled') continue;
      due++;
      const late = item.status === 'late' ? 1 : 0;
      const missed = item.status === 'overdue' ? 1 : 0;
      if (!late && !missed) continue;
      const r = byRule.get(item.rule) ?? {
        rule: item.rule,
        title: item.title,
        legalBasis: item.legalBasis,
        late: 0,
        missed: 0,
      };
      r.late += late;
      r.missed += missed;
      byRule.set(item.rule, r);
      const u = byUnit.get(item.unitId) ?? { unitId: item.unitId, late: 0, missed: 0 };
      u.late += late;
      u.missed += missed;
      byUnit.set(item.unitId, u);
    }
    const rules = [...byRule.values()].sort((a, b) => a.rule.localeCompare(b.rule));
    return {
      unitId,
      from,
      to,
      due,
      late: rules.reduce((n, r) => n + r.late, 0),
      missed: rules.reduce((n, r) => n + r.missed, 0),
      byRule: rules,
      byUnit: [...byUnit.values()].sort((a, b) => a.unitId.localeCompare(b.unitId)),
    };
  }
}
