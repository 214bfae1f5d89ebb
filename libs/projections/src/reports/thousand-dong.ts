import { Column } from '../statistics/compose-report';
import { rateHundredths } from '../statistics/percent';
import { MONEY_KEYS } from '../statistics/report-shape';

/** A row's figures as printed: whole việc, or whole nghìn đồng; `rate` in hundredths of a percent. */
export type Printed = Column;

const floorDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? a / b : -((-a + b - 1n) / b));

/** Half-up to whole thousands: 1_499 đ → 1, 1_500 đ → 2 (nghìn đồng). */
export const roundThousands = (dong: bigint): bigint => floorDiv(dong + 500n, 1000n);

/**
 * Largest remainder (Hamilton), bounded: whole thousands adding up to exactly `target`, each the
 * exact amount's floor, plus one for the largest remainders (ties: the earlier part). Only rounding
 * residue moves: a part is never more than one nghìn from its exact amount, and a part with no
 * remainder is printed exactly. A target that cannot be reached so (the parts do not add up to the
 * whole: a transfer crosses the row) gets undefined, never an invented amount (docs/reports.md "Rounding").
 */
export const apportion = (dong: ReadonlyArray<bigint>, target: bigint): bigint[] | undefined => {
  const floors = dong.map((v) => floorDiv(v, 1000n));
  const remainders = dong.map((v, i) => v - floors[i] * 1000n);
  const left = target - floors.reduce((t, f) => t + f, 0n);
  const open = remainders
    .map((r, i) => ({ r, i }))
    .filter((o) => o.r > 0n)
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  if (left < 0n || left > BigInt(open.length)) return undefined;
  for (let k = 0; k < Number(left); k++) floors[open[k].i]++;
  return floors;
};

// Every money key but the rate, which is recomputed from the summed whole đồng.
const SUMMED = MONEY_KEYS.filter((k) => k !== 'rate');

const DESTINATIONS = [
  'completed',
  'terminated',
  'reduced',
  'inProgress',
  'postponed',
  'suspended',
  'withoutConditions',
] as const;

/** Do the exact figures satisfy the form's identities? Not when a transfer crosses the row (docs/reorganisation.md §7). */
const addsUp = (e: Column): boolean =>
  e.total === e.carriedOver + e.newlyAccepted &&
  e.toExecute === e.total - e.entrustedOut - e.revoked &&
  e.toExecute === e.withConditions + e.withoutConditions &&
  e.withConditions === e.resolved + e.inProgress + e.postponed + e.suspended &&
  e.resolved === e.completed + e.terminated + e.reduced;

/** Every cell rounded half-up on its own: the printed identities then show what the exact ones do. */
const cellByCell = (exact: Column): Printed => {
  const printed = Object.fromEntries(SUMMED.map((k) => [k, roundThousands(exact[k])])) as Column;
  printed.rate = exact.rate;
  return printed;
};

/**
 * A money row in nghìn đồng (docs/reports.md "Rounding"). When the exact figures satisfy the form's
 * identities, the printed ones are made to as well, moving rounding residue only: the caseload's
 * parts (carriedOver, newlyAccepted, entrustedOut, revoked) are rounded half-up; "phải thi hành"
 * is computed from them; its exact destinations (completed … withoutConditions) are apportioned to
 * it by bounded largest remainder, each within one nghìn of its exact amount; every other column is
 * a sum of those. When they do not (a hand transfer in or out crosses the row: transfers are not a
 * column of the form, docs/reorganisation.md §7), or the residue cannot be placed within one nghìn
 * a cell, every cell is rounded on its own and the row's identity shows the gap: money is never
 * handed to results that did not happen. The rate is computed from whole đồng, never from the
 * rounded figures. Rows above (origin totals, agencies, the form's totals) add up printed rows.
 */
export const toThousands = (exact: Column): Printed => {
  if (!addsUp(exact)) return cellByCell(exact);
  const [carriedOver, newlyAccepted, entrustedOut, revoked] = [
    exact.carriedOver,
    exact.newlyAccepted,
    exact.entrustedOut,
    exact.revoked,
  ].map(roundThousands);
  const total = carriedOver + newlyAccepted;
  const toExecute = total - entrustedOut - revoked;
  const parts = apportion(
    DESTINATIONS.map((k) => exact[k]),
    toExecute,
  );
  if (!parts) return cellByCell(exact);
  const [completed, terminated, reduced, inProgress, postponed, suspended, withoutConditions] = parts;
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

/** The sum of rows, column by column; the rate again from the sums (whole đồng for money: `exact`). */
export const addRows = (rows: ReadonlyArray<Column>, exactRate?: bigint): Column => {
  const sum = Object.fromEntries(SUMMED.map((k) => [k, rows.reduce((t, r) => t + r[k], 0n)])) as Column;
  sum.rate = exactRate ?? rateHundredths(sum.resolved, sum.withConditions);
  return sum;
};
