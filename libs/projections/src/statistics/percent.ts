// Rates and targets are kept as whole hundredths of a percentage point (4730 = 47.30 %) so that
// rounding and gaps are exact: the report prints what an office computes by hand.

/** part / whole in percent, 2 decimals, rounded half-up (policy rateRounding). */
export const rateHundredths = (part: bigint, whole: bigint): bigint => {
  if (whole <= 0n) return 0n;
  const sign = part < 0n ? -1n : 1n;
  const abs = part < 0n ? -part : part;
  return sign * ((abs * 20_000n + whole) / (2n * whole));
};

/** 4730n → "47.30"; -3320n → "-33.20". */
export const formatHundredths = (value: bigint): string => {
  const abs = value < 0n ? -value : value;
  return `${value < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

const PERCENT = /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/;

export const isPercent = (value: unknown): value is string => typeof value === 'string' && PERCENT.test(value);

/** "83.9" → 8390n; a percentage from 0 to 100 with at most 2 decimals. */
export const parsePercent = (value: string): bigint => {
  if (!isPercent(value)) throw new RangeError(`not a percentage with at most 2 decimals: ${JSON.stringify(value)}`);
  const [whole, fraction = ''] = value.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
};
