// Money is a whole number of đồng: VND has no minor unit and national sums exceed 2^53
// (docs/architecture.md §3), so it is a bigint in code and a decimal string in JSON.
export type Money = bigint;

// At most 18 digits (under 10^18 đồng, above the largest judgment on record, about 6.7 × 10^17):
// the read models keep amounts as 64-bit integers (at most 9.2 × 10^18), and a 21-digit amount
// once accepted stopped the projector for good at that event.
export const MAX_VND_DIGITS = 18;
const VND = /^(0|[1-9][0-9]{0,17})$/;

export const isVndString = (value: unknown): value is string => typeof value === 'string' && VND.test(value);

export const parseVnd = (value: string): Money => {
  if (!isVndString(value)) throw new RangeError(`not a whole number of đồng: ${JSON.stringify(value)}`);
  return BigInt(value);
};

export const vndString = (amount: Money): string => amount.toString();

/** 228188311000n → "228.188.311.000 đ", the way Vietnamese documents print amounts. */
export const formatVnd = (amount: Money): string =>
  `${(amount < 0n ? '-' : '') + (amount < 0n ? -amount : amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
