import {
  createWorkingDayCalendar,
  evaluateDeadlines,
  KnownCase,
  RecordedStep,
  SHIPPED_ANNOUNCED_YEARS,
  stepOfEventType,
  WorkingDayCalendar,
} from '@thads/domain';

/** Stored for a case with no running deadline: after every date, so such cases sort last in both stores. */
export const NO_DEADLINE = '9999-12-31';

let shipped: WorkingDayCalendar | undefined;

/**
 * The due date of the case's nearest running deadline, as its steps stand: the desk's sort key
 * ("thời hạn gần nhất, quá hạn trước"), kept in the row so a page of a million cases is read in
 * index order. Evaluated as of the case's last step with the calendar shipped with the code (a
 * projection reads no clock and no file); what the desk shows beside it (status, days overdue)
 * is evaluated again as of today with the office's calendar (apps/api/src/cases/next-deadlines.ts).
 * A deadline held by a postponement or suspension is not running: its due date moves every day
 * the pause lasts (docs/deadlines.md), so it gives no key and the case sorts with those without one.
 * Only the office's own acts count: a party's term (the debtor's voluntary period, the buyer's
 * payment) runs out without anything for the desk to do, and would bury the office's deadlines.
 */
export const nextDueOf = (after: KnownCase): { due: string; rule: string | null } => {
  shipped ??= createWorkingDayCalendar([...SHIPPED_ANNOUNCED_YEARS]);
  const steps: RecordedStep[] = after.steps.map((e) => ({
    step: stepOfEventType(e.type) ?? e.type,
    on: e.on,
    data: e.data as RecordedStep['data'],
  }));
  let best: { due: string; rule: string | null } = { due: NO_DEADLINE, rule: null };
  for (const item of evaluateDeadlines(steps, after.lastOn, shipped)) {
    if (
      (item.status === 'open' || item.status === 'overdue') &&
      item.actor === 'agency' &&
      !item.pausedSince &&
      item.due < best.due
    )
      best = { due: item.due, rule: item.rule };
  }
  return best;
};
