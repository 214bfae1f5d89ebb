import { DeadlineItem, evaluateDeadlines, LocalDate, STEP_LABELS, WorkingDayCalendar } from '@thads/domain';
import { CaseStepQueries } from '../case-steps/case-steps.projection';
import { CaseAtRow, Standing } from './cases-at';
import { undeliveredSaleOf, unsoldAuctionsOf } from './watch-rule';

/** A case as a list shows it: where it stands on the day and what stands in the way. */
export interface CaseStanding {
  caseId: string;
  unitId: string;
  due: string;
  /** What remains to be enforced on the day, whole đồng. */
  remaining: string;
  standing: Standing;
  creditorKind: string | null;
  judgmentKind: string | null;
  withConditionsSince: LocalDate | null;
  /** The latest step taken by the as-of day, with its label and date. */
  currentStep: { step: string; label: string; on: LocalDate } | null;
  /** The office's nearest running deadline as of the day (docs/deadlines.md), if any. */
  nextDeadline: { rule: string; title: string; due: LocalDate; status: string; daysOverdue?: number } | null;
  unsoldAuctions: number;
  undeliveredSale: { soldOn: LocalDate; price: string; paidInFullOn: LocalDate | null } | null;
}

const nearest = (items: ReadonlyArray<DeadlineItem>): DeadlineItem | undefined => {
  let best: DeadlineItem | undefined;
  for (const item of items)
    if ((item.status === 'open' || item.status === 'overdue') && item.actor === 'agency' && !item.pausedSince)
      if (!best || item.due < best.due) best = item;
  return best;
};

/** The standing of a page of cases as of `asOf`: their steps read from the case-steps read model. */
export const describeCases = async (
  steps: CaseStepQueries,
  calendar: WorkingDayCalendar,
  cases: ReadonlyArray<CaseAtRow>,
  asOf: LocalDate,
): Promise<CaseStanding[]> => {
  const byCase = await steps.forCases(cases.map((c) => c.caseId));
  return cases.map((c): CaseStanding => {
    const taken = (byCase.get(c.caseId) ?? []).filter((s) => s.on <= asOf);
    const last = taken[taken.length - 1];
    const next = nearest(evaluateDeadlines(taken, asOf, calendar));
    const sale = undeliveredSaleOf(c.assets);
    return {
      caseId: c.caseId,
      unitId: c.unitId,
      due: c.due.toString(),
      remaining: c.remaining.toString(),
      standing: c.standing,
      creditorKind: c.creditorKind ?? null,
      judgmentKind: c.judgmentKind ?? null,
      withConditionsSince: c.withConditionsSince ?? null,
      currentStep: last
        ? { step: last.step, label: STEP_LABELS[last.step as keyof typeof STEP_LABELS] ?? last.step, on: last.on }
        : null,
      nextDeadline: next
        ? {
            rule: next.rule,
            title: next.title,
            due: next.due,
            status: next.status,
            ...(next.daysOverdue !== undefined ? { daysOverdue: next.daysOverdue } : {}),
          }
        : null,
      unsoldAuctions: unsoldAuctionsOf(c.assets),
      undeliveredSale: sale
        ? { soldOn: sale.soldOn, price: sale.price.toString(), paidInFullOn: sale.paidInFullOn ?? null }
        : null,
    };
  });
};
