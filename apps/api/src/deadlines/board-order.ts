import { UnitDeadlineItem } from './deadline-queries';

// The inspection board reads the worst first: what is still undone past its due date, then what
// was done late, then what still runs, then the rest (docs/deadlines.md, "Inspection board").
const RANK: Record<UnitDeadlineItem['status'], number> = { overdue: 0, late: 1, open: 2, met: 3, cancelled: 4 };

/** How far past due, for ordering within a status: days overdue, days late, or days past due when cancelled. */
const pastDue = (d: UnitDeadlineItem): number => d.daysOverdue ?? d.daysLate ?? d.daysPastDueWhenCancelled ?? 0;

/**
 * Most overdue first: by status (overdue, late, open, met, cancelled), then the most days past
 * due, then the earliest due date, then case and rule, so that pages never overlap.
 */
export const boardOrder = (a: UnitDeadlineItem, b: UnitDeadlineItem): number =>
  RANK[a.status] - RANK[b.status] ||
  pastDue(b) - pastDue(a) ||
  (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
  (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0) ||
  (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
  (a.trigger.on < b.trigger.on ? -1 : a.trigger.on > b.trigger.on ? 1 : 0);
