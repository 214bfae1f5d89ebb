import { addDays, DeadlineItem, LocalDate, STEP_LABELS, WorkingDayCalendar, evaluateDeadlines } from '@thads/domain';
import { CaseStepQueries } from '../case-steps/case-steps.projection';
import { ReadStore } from '../store/read-store';
import { KnownAt } from '../statistics/known-at';
import { reportingYearOf } from '../statistics/reporting-period';
import { UnitQueries } from '../units/unit-queries';
import { CaseAtRow, casesAt, Standing } from './cases-at';
import { judge, moneyOf, undeliveredSaleOf, unsoldAuctionsOf } from './watch-rule';
import { WATCH_LISTS, WatchList } from './watch-lists';

export interface WatchQuery {
  unitId: string;
  asOf: LocalDate;
  knownAt?: KnownAt;
}

export interface WatchListSummary {
  id: string;
  label: string;
  /** Cases on the list as of the day. */
  cases: number;
  /** Their money (what remains, or the undelivered sale's price), whole đồng. */
  money: string;
  /** The change since the reporting year began (against the list on 30 September before it). */
  sinceYearStart: { cases: number; money: string; from: LocalDate };
  /** Cases that meet every condition but a kind they never recorded: never guessed in or out. */
  unknownKind: number;
  source: WatchList['source'];
}

export interface WatchListItem {
  caseId: string;
  unitId: string;
  /** The case's share of the list's money. */
  money: string;
  due: string;
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

/** The last day before the reporting year of `asOf` began: 30 September. */
const yearStartEve = (asOf: LocalDate): LocalDate => `${reportingYearOf(asOf) - 1}-09-30`;

const summarise = (list: WatchList, cases: ReadonlyArray<CaseAtRow>, asOf: LocalDate) => {
  let n = 0;
  let unknown = 0;
  let money = 0n;
  for (const c of cases) {
    const verdict = judge(list.rule, c, asOf);
    if (verdict === 'in') {
      n += 1;
      money += moneyOf(list.rule, c);
    } else if (verdict === 'unknownKind') unknown += 1;
  }
  return { n, unknown, money };
};

const nearest = (items: ReadonlyArray<DeadlineItem>): DeadlineItem | undefined => {
  let best: DeadlineItem | undefined;
  for (const item of items)
    if ((item.status === 'open' || item.status === 'overdue') && item.actor === 'agency' && !item.pausedSince)
      if (!best || item.due < best.due) best = item;
  return best;
};

/**
 * The watch lists of docs/watchlists.md over a unit and its subunits, as of a day (and as known
 * at an instant): counts, money and the change since 1 October, and the cases behind each.
 */
export class WatchListQueries {
  private readonly units: UnitQueries;
  private readonly steps: CaseStepQueries;

  constructor(
    private readonly store: ReadStore,
    private readonly calendar: () => WorkingDayCalendar,
  ) {
    this.units = new UnitQueries(store);
    this.steps = new CaseStepQueries(store);
  }

  async summary(q: WatchQuery): Promise<WatchListSummary[]> {
    const unitIds = await this.units.subtree(q.unitId);
    const eve = yearStartEve(q.asOf);
    const [now, before] = await Promise.all([
      casesAt(this.store, { unitIds, asOf: q.asOf, knownAt: q.knownAt }),
      casesAt(this.store, { unitIds, asOf: eve, knownAt: q.knownAt }),
    ]);
    return WATCH_LISTS.map((list) => {
      const a = summarise(list, now, q.asOf);
      const b = summarise(list, before, eve);
      return {
        id: list.id,
        label: list.label,
        cases: a.n,
        money: a.money.toString(),
        sinceYearStart: { cases: a.n - b.n, money: (a.money - b.money).toString(), from: addDays(eve, 1) },
        unknownKind: a.unknown,
        source: list.source,
      };
    });
  }

  /** The cases on one list, most money first; `total` counts them all. */
  async cases(
    list: WatchList,
    q: WatchQuery & { limit: number; offset: number },
  ): Promise<{ total: number; money: string; items: WatchListItem[] }> {
    const unitIds = await this.units.subtree(q.unitId);
    const on = (await casesAt(this.store, { unitIds, asOf: q.asOf, knownAt: q.knownAt }))
      .filter((c) => judge(list.rule, c, q.asOf) === 'in')
      .map((c) => ({ c, money: moneyOf(list.rule, c) }))
      .sort((a, b) => (a.money === b.money ? a.c.caseId.localeCompare(b.c.caseId) : a.money > b.money ? -1 : 1));
    const page = on.slice(q.offset, q.offset + q.limit);
    const steps = await this.steps.forCases(page.map((p) => p.c.caseId));
    const calendar = this.calendar();
    const items = page.map(({ c, money }): WatchListItem => {
      const taken = (steps.get(c.caseId) ?? []).filter((s) => s.on <= q.asOf);
      const last = taken[taken.length - 1];
      const next = nearest(evaluateDeadlines(taken, q.asOf, calendar));
      const sale = undeliveredSaleOf(c.assets);
      return {
        caseId: c.caseId,
        unitId: c.unitId,
        money: money.toString(),
        due: c.due.toString(),
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
    return { total: on.length, money: on.reduce((t, p) => t + p.money, 0n).toString(), items };
  }
}
