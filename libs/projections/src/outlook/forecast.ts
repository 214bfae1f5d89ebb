/**
 * The year's outlook in plain arithmetic (docs/outlook.md). A rate is resolved ÷ with conditions,
 * both counted from 1 October. Each past year with figures says what share of its year's
 * resolutions it had reached by this same day; this year's resolutions so far, divided by that
 * share, give the year's. What comes in with conditions until 30 September is added as it came
 * that year, scaled to this year's caseload. Each past year gives one outcome; the expected rate
 * is their mean and the range runs from the lowest to the highest, widened a little (MARGIN)
 * because a handful of years is few. The backtest chose this over adding the past years' rest of
 * year per case (a bias of +7 points on a growing caseload): docs/outlook.md.
 */

/** Cumulative figures from 1 October to a day: resolved and with conditions (cases or đồng). */
export interface Tally {
  resolved: number;
  withConditions: number;
}

/** One past year: its tally on the same day as today's, and on 30 September. */
export interface PastYear {
  year: number;
  sameDay: Tally;
  yearEnd: Tally;
}

export interface Forecast {
  /** Percent, as numbers; absent figures when the unit has nothing with conditions. */
  now: number | null;
  expected: number | null;
  low: number | null;
  high: number | null;
  /** Expected figures on 30 September (resolved, with conditions). */
  yearEnd: Tally | null;
  /** The past years the forecast drew on. */
  years: number[];
}

/** Percentage points added on each side of the past years' spread (fitted by the backtest, docs/outlook.md). */
export const MARGIN = 2;
/** Without past years, a range this wide around the current rate carried forward. */
const NO_HISTORY_MARGIN = 15;

const pct = (t: Tally) => (t.withConditions > 0 ? (100 * t.resolved) / t.withConditions : null);
const clamp = (v: number) => Math.min(100, Math.max(0, v));

/** What past year `p` says this year will end at, from `now`: null if it had no caseload on the day. */
export const outcomeLike = (now: Tally, p: PastYear): Tally | null => {
  if (p.sameDay.withConditions <= 0 || p.yearEnd.withConditions <= 0) return null;
  // What came in with conditions in the months to come, as that year, scaled to this year's caseload.
  const scale = now.withConditions / p.sameDay.withConditions;
  const withConditions = now.withConditions + Math.max(0, p.yearEnd.withConditions - p.sameDay.withConditions) * scale;
  // What is resolved by this day is the same share of the year's resolutions as it was that year
  // (the last months carry much of the year). That year had resolved nothing yet: the months to
  // come add what they added then, per case with conditions.
  const resolved =
    p.sameDay.resolved > 0
      ? (now.resolved * p.yearEnd.resolved) / p.sameDay.resolved
      : now.resolved + p.yearEnd.resolved * scale;
  return { resolved: Math.min(resolved, withConditions), withConditions };
};

export const forecast = (now: Tally, past: ReadonlyArray<PastYear>): Forecast => {
  const current = pct(now);
  const outcomes = past
    .map((p) => ({ year: p.year, end: outcomeLike(now, p) }))
    .filter((o): o is { year: number; end: Tally } => o.end !== null && o.end.withConditions > 0);
  if (outcomes.length === 0) {
    if (current === null) return { now: null, expected: null, low: null, high: null, yearEnd: null, years: [] };
    return {
      now: current,
      expected: current,
      low: clamp(current - NO_HISTORY_MARGIN),
      high: clamp(current + NO_HISTORY_MARGIN),
      yearEnd: now,
      years: [],
    };
  }
  const rates = outcomes.map((o) => pct(o.end)!);
  const mean = (xs: number[]) => xs.reduce((t, x) => t + x, 0) / xs.length;
  return {
    now: current,
    expected: clamp(mean(rates)),
    low: clamp(Math.min(...rates) - MARGIN),
    high: clamp(Math.max(...rates) + MARGIN),
    yearEnd: {
      resolved: mean(outcomes.map((o) => o.end.resolved)),
      withConditions: mean(outcomes.map((o) => o.end.withConditions)),
    },
    years: outcomes.map((o) => o.year),
  };
};
