import { CaseListRow, CaseStepQueries } from '@thads/projections';
import { DeadlineEngine } from '../deadlines/deadline-engine';

/** What the desk shows of a case's nearest running deadline. */
export interface NextDeadline {
  ruleId: string;
  title: string;
  dueOn: string;
  status: 'open' | 'overdue';
  daysOverdue?: number;
}

/**
 * The nearest open or overdue deadline of each case of a page, as of today, by the office's
 * calendar: the case's steps (case-steps read model) through the deadline engine, a page at a
 * time (at most 500 cases), so the list's sort key (next_due) is never shown stale.
 */
export const nextDeadlines = async (
  caseSteps: CaseStepQueries,
  engine: DeadlineEngine,
  rows: ReadonlyArray<CaseListRow>,
  today: string,
): Promise<Map<string, NextDeadline | null>> => {
  const steps = await caseSteps.forCases(rows.map((r) => r.caseId));
  const found = new Map<string, NextDeadline | null>();
  for (const row of rows) {
    let best: NextDeadline | null = null;
    for (const item of engine.evaluate(
      (steps.get(row.caseId) ?? []).filter((s) => s.on <= today),
      today,
    )) {
      // The office's own acts only, as the sort key (libs/projections/src/case-list/next-deadline.ts).
      if ((item.status !== 'open' && item.status !== 'overdue') || item.actor !== 'agency') continue;
      if (best && best.dueOn <= item.due) continue;
      best = {
        ruleId: item.rule,
        title: item.title,
        dueOn: item.due,
        status: item.status,
        ...(item.daysOverdue !== undefined && { daysOverdue: item.daysOverdue }),
      };
    }
    found.set(row.caseId, best);
  }
  return found;
};
