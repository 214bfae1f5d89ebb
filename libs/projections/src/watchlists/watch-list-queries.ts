import { addDays, LocalDate, WorkingDayCalendar } from '@thads/domain';
import { CaseStepQueries } from '../case-steps/case-steps.projection';
import { ReadStore } from '../store/read-store';
import { KnownAt } from '../statistics/known-at';
import { reportingYearOf } from '../statistics/reporting-period';
import { UnitQueries } from '../units/unit-queries';
import { casesAt } from './cases-at';
import { CaseStanding, describeCases } from './describe-cases';
import { listFromMoves, summariseCases } from './watch-lists-from-moves';
import { SpanMember, WatchSpanQueries } from './watch-span-queries';
import { unknownKindOf } from './watch-spans';
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

type Tally = { n: number; unknown: number; money: bigint };

/**
 * The watch lists of docs/watchlists.md over a unit and its subunits, as of a day (and as known
 * at an instant): counts, money and the change since 1 October, and the cases behind each. As of
 * a day they are read from the spans of days each case spends on each list
 * (watch-spans.projection.ts); as known at an instant, from the ledger's per-case moves.
 */
export class WatchListQueries {
  private readonly units: UnitQueries;
  private readonly steps: CaseStepQueries;
  private readonly spans: WatchSpanQueries;

  constructor(
    private readonly store: ReadStore,
    private readonly calendar: () => WorkingDayCalendar,
  ) {
    this.units = new UnitQueries(store);
    this.steps = new CaseStepQueries(store);
    this.spans = new WatchSpanQueries(store);
  }

  async summary(q: WatchQuery): Promise<WatchListSummary[]> {
    const unitIds = await this.units.subtree(q.unitId);
    const eve = yearStartEve(q.asOf);
    const [now, before] = await this.tallies(unitIds, q, eve);
    return WATCH_LISTS.map((list) => {
      const a = now.get(list.id)!;
      const b = before.get(list.id)!;
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

  /** Every list's tally on the day and on 30 September before its reporting year. */
  private async tallies(
    unitIds: string[],
    q: WatchQuery,
    eve: LocalDate,
  ): Promise<[Map<string, Tally>, Map<string, Tally>]> {
    if (q.knownAt) {
      const [now, before] = await Promise.all([
        casesAt(this.store, { unitIds, asOf: q.asOf, knownAt: q.knownAt }),
        casesAt(this.store, { unitIds, asOf: eve, knownAt: q.knownAt }),
      ]);
      return [
        new Map(WATCH_LISTS.map((l) => [l.id, summariseCases(l, now, q.asOf)])),
        new Map(WATCH_LISTS.map((l) => [l.id, summariseCases(l, before, eve)])),
      ];
    }
    const counts = await this.spans.counts(unitIds, [q.asOf, eve]);
    const at = (i: number) =>
      new Map(
        WATCH_LISTS.map((l) => {
          const c = counts.get(l.id)?.[i];
          return [l.id, { n: c?.n ?? 0, money: c?.money ?? 0n, unknown: counts.get(unknownKindOf(l.id))?.[i].n ?? 0 }];
        }),
      );
    return [at(0), at(1)];
  }

  /** The cases on one list, most money first; `total` counts them all. */
  async cases(
    list: WatchList,
    q: WatchQuery & { limit: number; offset: number },
  ): Promise<{ total: number; money: string; items: WatchListItem[] }> {
    const unitIds = await this.units.subtree(q.unitId);
    let total: number;
    let money: bigint;
    let page: SpanMember[];
    if (q.knownAt) {
      const on = await listFromMoves(this.store, list, { unitIds, asOf: q.asOf, knownAt: q.knownAt });
      total = on.length;
      money = on.reduce((t, p) => t + p.money, 0n);
      page = on.slice(q.offset, q.offset + q.limit);
    } else {
      const count = (await this.spans.counts(unitIds, [q.asOf])).get(list.id)?.[0];
      total = count?.n ?? 0;
      money = count?.money ?? 0n;
      const every = unitIds.length === (await this.units.count());
      page = await this.spans.page(list.id, { unitIds, every, asOf: q.asOf, limit: q.limit, offset: q.offset, total });
    }
    const described = await describeCases(
      this.steps,
      this.calendar(),
      page.map((p) => p.case),
      q.asOf,
    );
    const items = described.map((d, i): WatchListItem => ({ ...d, money: page[i].money.toString() }));
    return { total, money: money.toString(), items };
  }
}
