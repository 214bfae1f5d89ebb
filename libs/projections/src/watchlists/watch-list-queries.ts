import { addDays, LocalDate, WorkingDayCalendar } from '@thads/domain';
import { CaseStepQueries } from '../case-steps/case-steps.projection';
import { ReadStore } from '../store/read-store';
import { KnownAt } from '../statistics/known-at';
import { reportingYearOf } from '../statistics/reporting-period';
import { UnitQueries } from '../units/unit-queries';
import { CaseAtRow, casesAt } from './cases-at';
import { CaseStanding, describeCases } from './describe-cases';
import { judge, moneyOf } from './watch-rule';
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

/** A case on a list: its share of the list's money, and where it stands (describe-cases.ts). */
export interface WatchListItem extends CaseStanding {
  money: string;
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
    const described = await describeCases(
      this.steps,
      this.calendar(),
      page.map((p) => p.c),
      q.asOf,
    );
    const items = described.map((d, i): WatchListItem => ({ ...d, money: page[i].money.toString() }));
    return { total: on.length, money: on.reduce((t, p) => t + p.money, 0n).toString(), items };
  }
}
