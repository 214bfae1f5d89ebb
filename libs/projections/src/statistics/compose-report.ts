import { ACTIVE_STOCKS, LedgerKey } from './ledger-keys';
import { LedgerSums, Sum } from './ledger-sums';
import { formatHundredths, rateHundredths } from './percent';
import { CASE_KEYS, CaseFigures, Figures, MONEY_KEYS, MoneyFigures } from './report-shape';

type Measure = (s: Sum) => bigint;
const count: Measure = (s) => BigInt(s.n);
const amount: Measure = (s) => s.money;

/** Every figure of one measure (cases or money) as exact integers, rate in hundredths. */
export type Column = Record<Exclude<(typeof MONEY_KEYS)[number], 'rate'>, bigint> & { rate: bigint };

/**
 * The report's figures from the ledger's range sums (docs/domain.md §4.4). `toExecute` is computed from
 * the caseload (total − entrusted − revoked) and `withConditions`/`withoutConditions` from where
 * the cases stand, independently: that the two agree is the ledger's conservation, and the tests
 * check it rather than assume it.
 */
export const composeColumn = (sums: LedgerSums, measure: Measure, isMoney: boolean): Column => {
  const flow = (...keys: LedgerKey[]) => keys.reduce((t, k) => t + measure(sums[k].within), 0n);
  const at = (...keys: LedgerKey[]) => keys.reduce((t, k) => t + measure(sums[k].before) + measure(sums[k].within), 0n);
  const carriedOver = ACTIVE_STOCKS.reduce((t, k) => t + measure(sums[k].before), 0n); // policy separateTrackingNotCarriedOver
  const newlyAccepted = flow('accepted', 'restored'); // policies acceptedIsDecided, restoredAsNewlyAccepted
  // Cases moved in or out by transfer (docs/reorganisation.md): zero net for a report that covers both units.
  const total = carriedOver + newlyAccepted + flow('transferredIn') - flow('transferredOut');
  const entrustedOut = flow('entrustedOut');
  const revoked = flow('revoked');
  const completed = isMoney ? flow('collected', 'completed') : flow('completed'); // policy exitMoney
  const terminated = flow('terminated');
  const reduced = isMoney ? flow('reduced') : 0n;
  const resolved = completed + terminated + reduced;
  const unclassified = at('unclassified');
  const inProgress = at('inProgress') + unclassified; // policy unclassifiedInProgress
  const postponed = at('postponed'); // policy pausedWithConditions
  const suspended = at('suspended');
  const withConditions = resolved + inProgress + postponed + suspended;
  // policies separateTrackingMoveWithoutConditions, returnedWithoutConditions
  const withoutConditions = at('withoutConditions') + flow('toSeparateTracking', 'returned');
  const toExecute = total - entrustedOut - revoked;
  return {
    carriedOver,
    newlyAccepted,
    total,
    entrustedOut,
    revoked,
    toExecute,
    withConditions,
    withoutConditions,
    completed,
    terminated,
    reduced,
    resolved,
    inProgress,
    postponed,
    suspended,
    rate: rateHundredths(resolved, withConditions),
    carriedForward: toExecute - resolved,
    separateTracking: at('separateTracking'),
    unclassified,
  };
};

export const columnsOf = (sums: LedgerSums): { cases: Column; money: Column } => ({
  cases: composeColumn(sums, count, false),
  money: composeColumn(sums, amount, true),
});

/** Counts as numbers, amounts as decimal strings, rates as "47.30", in the keys' fixed order. */
export const formatFigures = (columns: { cases: Column; money: Column }): Figures => {
  const { cases: c, money: m } = columns;
  const cases = Object.fromEntries(
    CASE_KEYS.map((k) => [k, k === 'rate' ? formatHundredths(c.rate) : Number(c[k])]),
  ) as CaseFigures;
  const money = Object.fromEntries(
    MONEY_KEYS.map((k) => [k, k === 'rate' ? formatHundredths(m.rate) : m[k].toString()]),
  ) as MoneyFigures;
  return { cases, money };
};
