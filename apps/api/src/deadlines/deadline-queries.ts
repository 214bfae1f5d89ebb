import { DEADLINE_STATUSES, DeadlineStatus } from '@thads/domain';
import { CaseStepQueries, ReadStore, UnitQueries, UnitRow } from '@thads/projections';
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

/**
 * Deadlines of every case of a unit and its subunits as of a date: each case's steps dated up to
 * that day, evaluated by the rules in force on each trigger's date.
 */
export class DeadlineQueries {
  constructor(
    private readonly store: ReadStore,
    private readonly engine: DeadlineEngine,
  ) {}

  /** Every matching deadline, most overdue first (board-order.ts). */
  async list(filter: DeadlineFilter): Promise<UnitDeadlineItem[]> {
    const units = await new UnitQueries(this.store).subtree(filter.unitId);
    const items: UnitDeadlineItem[] = [];
    for await (const c of new CaseStepQueries(this.store).forUnits(units, filter.asOf, {
      enforcerId: filter.enforcerId,
    })) {
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
   * directly under it (with everything under that one), as of a day; `items` when already evaluated.
   */
  async byUnit(filter: DeadlineFilter, items?: UnitDeadlineItem[]) {
    const unitQueries = new UnitQueries(this.store);
    const all = await unitQueries.list();
    const top = all.find((u) => u.unitId === filter.unitId)!;
    const children = all.filter((u) => u.parentId === filter.unitId);
    // Each unit of the subtree counts toward the row of the child it lies under (or the unit's own row).
    const rowOf = new Map<string, string>([[top.unitId, top.unitId]]);
    for (const child of children)
      for (const u of all) if (u.path.startsWith(child.path)) rowOf.set(u.unitId, child.unitId);
    const counts = new Map<string, StatusCounts>([top, ...children].map((u) => [u.unitId, noCounts()]));
    const total = noCounts();
    for (const item of items ?? (await this.list({ ...filter, statuses: undefined }))) {
      const row = counts.get(rowOf.get(item.unitId) ?? top.unitId)!;
      row[item.status]++;
      row.total++;
      total[item.status]++;
      total.total++;
    }
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
