import { Column } from '../statistics/compose-report';
import { rateHundredths } from '../statistics/percent';

/** A row's figures as printed: whole việc, or whole nghìn đồng; `rate` in hundredths of a percent. */
export type Printed = Column;

const floorDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? a / b : -((-a + b - 1n) / b));

/** Half-up to whole thousands: 1_499 đ → 1, 1_500 đ → 2 (nghìn đồng). */
export const roundThousands = (dong: bigint): bigint => floorDiv(dong + 500n, 1000n);

/**
 * Largest remainder (Hamilton): whole thousands adding up to exactly `target`, each the exact
 * amount's floor plus one for the largest remainders (ties: the earlier column), or minus one for
 * the smallest when the floors already exceed it.
 */
export const apportion = (dong: ReadonlyArray<bigint>, target: bigint): bigint[] => {
  const floors = dong.map((v) => floorDiv(v, 1000n));
  const remainders = dong.map((v, i) => v - floors[i] * 1000n);
  let left = target - floors.reduce((t, f) => t + f, 0n);
  const order = remainders.map((r, i) => ({ r, i }));
  if (left > 0n) {
    order.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
    for (let k = 0; left > 0n; k = (k + 1) % order.length, left--) floors[order[k].i]++;
  } else if (left < 0n) {
    const positive = order
      .filter((o) => floors[o.i] > 0n)
      .sort((a, b) => (a.r === b.r ? b.i - a.i : a.r < b.r ? -1 : 1));
    for (let k = 0; left < 0n && positive.length > 0; k = (k + 1) % positive.length, left++) floors[positive[k].i]--;
  }
  return floors;
};

const DESTINATIONS = [
  'completed',
  'terminated',
  'reduced',
  'inProgress',
  'postponed',
  'suspended',
  'withoutConditions',
] as const;

/**
 * A money row in nghìn đồng, rounded so that the form's identities hold exactly on the printed
 * figures (docs/reports.md "Rounding"): the caseload's parts (carriedOver, newlyAccepted,
 * entrustedOut, revoked) are rounded half-up; "phải thi hành" is computed from them; its exact
 * destinations (completed … withoutConditions) are apportioned to it by largest remainder; every
 * other column is a sum of those. The rate is computed from whole đồng, never from the rounded
 * figures. Rows above (origin totals, agencies, the form's totals) add up printed rows.
 */
export const toThousands = (exact: Column): Printed => {
  const [carriedOver, newlyAccepted, entrustedOut, revoked] = [
    exact.carriedOver,
    exact.newlyAccepted,
    exact.entrustedOut,
    exact.revoked,
  ].map(roundThousands);
  const total = carriedOver + newlyAccepted;
  const toExecute = total - entrustedOut - revoked;
  const [completed, terminated, reduced, inProgress, postponed, suspended, withoutConditions] = apportion(
    DESTINATIONS.map((k) => exact[k]),
    toExecute,
  );
  const resolved = completed + terminated + reduced;
  const withConditions = resolved + inProgress + postponed + suspended;
  const unclassified =
    roundThousands(exact.unclassified) > inProgress ? inProgress : roundThousands(exact.unclassified);
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
    rate: exact.rate,
    carriedForward: toExecute - resolved,
    separateTracking: roundThousands(exact.separateTracking),
    unclassified,
  };
};

const SUMMED = [
  'carriedOver',
  'newlyAccepted',
  'total',
  'entrustedOut',
  'revoked',
  'toExecute',
  'withConditions',
  'withoutConditions',
  'completed',
  'terminated',
  'reduced',
  'resolved',
  'inProgress',
  'postponed',
  'suspended',
  'carriedForward',
  'separateTracking',
  'unclassified',
] as const;

/** The sum of rows, column by column; the rate again from the sums (whole đồng for money: `exact`). */
export const addRows = (rows: ReadonlyArray<Column>, exactRate?: bigint): Column => {
  const sum = Object.fromEntries(SUMMED.map((k) => [k, rows.reduce((t, r) => t + r[k], 0n)])) as Column;
  sum.rate = exactRate ?? rateHundredths(sum.resolved, sum.withConditions);
  return sum;
};
