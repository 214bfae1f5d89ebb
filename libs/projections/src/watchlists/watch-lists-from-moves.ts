import { LocalDate } from '@thads/domain';
import { KnownAt } from '../statistics/known-at';
import { ReadStore } from '../store/read-store';
import { CaseAtRow, casesAt } from './cases-at';
import { judge, moneyOf } from './watch-rule';
import { WatchList } from './watch-lists';

/** A list's count, money and unknown kinds over cases evaluated one by one. */
export const summariseCases = (list: WatchList, cases: ReadonlyArray<CaseAtRow>, asOf: LocalDate) => {
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

/** Most money first, then by case id. */
export const byMoney = <T extends { money: bigint; case: { caseId: string } }>(a: T, b: T): number =>
  a.money === b.money
    ? a.case.caseId < b.case.caseId
      ? -1
      : a.case.caseId > b.case.caseId
        ? 1
        : 0
    : a.money > b.money
      ? -1
      : 1;

/**
 * A list evaluated case by case from the ledger's per-case moves (cases-at.ts): what "as known
 * at" an instant reads, since the spans (watch-spans.projection.ts) hold the cases as they stand.
 * A pass over every case of the units: seconds for a province at 100,000 cases.
 */
export const listFromMoves = async (
  store: ReadStore,
  list: WatchList,
  q: { unitIds: ReadonlyArray<string>; asOf: LocalDate; knownAt?: KnownAt },
): Promise<Array<{ case: CaseAtRow; money: bigint }>> =>
  (await casesAt(store, q))
    .filter((c) => judge(list.rule, c, q.asOf) === 'in')
    .map((c) => ({ case: c, money: moneyOf(list.rule, c) }))
    .sort(byMoney);
