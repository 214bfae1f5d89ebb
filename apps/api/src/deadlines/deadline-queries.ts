import { CaseStepQueries, UnitQueries } from '@thads/projections';
import { ReadStore } from '@thads/projections';
import { DeadlineEngine, DeadlineItem } from './deadline-engine';

export const DEADLINE_STATUSES = ['open', 'overdue', 'met', 'late', 'cancelled'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export interface UnitDeadlineItem extends DeadlineItem {
  caseId: string;
  unitId: string;
}

/**
 * Deadlines of every case of a unit and its subunits as of a date: each case's steps dated up to
 * that day, evaluated by the rules in force on each trigger's date.
 */
export class DeadlineQueries {
  constructor(private readonly store: ReadStore, private readonly engine: DeadlineEngine) {}

  async list(unitId: string, asOf: string, status?: DeadlineStatus): Promise<UnitDeadlineItem[]> {
    const units = await new UnitQueries(this.store).subtree(unitId);
    const items: UnitDeadlineItem[] = [];
    for await (const c of new CaseStepQueries(this.store).forUnits(units, asOf)) {
      for (const item of this.engine.evaluate(c.steps, asOf)) {
        if (!status || item.status === status) items.push({ caseId: c.caseId, unitId: c.unitId, ...item });
      }
    }
    return items.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.caseId < b.caseId ? -1 : 1));
  }

  /**
   * For the inspection report: deadlines due within [from, to] that were met late or are still
   * missed at `to`, counted per rule and per unit.
   */
  async summary(unitId: string, from: string, to: string) {
    const byRule = new Map<string, { rule: string; title: string; legalBasis: unknown; late: number; missed: number }>();
    const byUnit = new Map<string, { unitId: string; late: number; missed: number }>();
    let due = 0;
    for (const item of await this.list(unitId, to)) {
      if (item.due < from || item.due > to || item.status === 'cancelled') continue;
      due++;
      const late = item.status === 'late' ? 1 : 0;
      const missed = item.status === 'overdue' ? 1 : 0;
      if (!late && !missed) continue;
      const r = byRule.get(item.rule) ?? { rule: item.rule, title: item.title, legalBasis: item.legalBasis, late: 0, missed: 0 };
      r.late += late; r.missed += missed; byRule.set(item.rule, r);
      const u = byUnit.get(item.unitId) ?? { unitId: item.unitId, late: 0, missed: 0 };
      u.late += late; u.missed += missed; byUnit.set(item.unitId, u);
    }
    const rules = [...byRule.values()].sort((a, b) => a.rule.localeCompare(b.rule));
    return {
      unitId, from, to, due,
      late: rules.reduce((n, r) => n + r.late, 0),
      missed: rules.reduce((n, r) => n + r.missed, 0),
      byRule: rules,
      byUnit: [...byUnit.values()].sort((a, b) => a.unitId.localeCompare(b.unitId)),
    };
  }
}
