/** The report's keys, in the order of docs/architecture.md §6 (fixed: tests outside the project use them). */
export const CASE_KEYS = [
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
  'resolved',
  'inProgress',
  'postponed',
  'suspended',
  'rate',
  'carriedForward',
  'separateTracking',
  'unclassified',
] as const;
export type CaseKey = (typeof CASE_KEYS)[number];

/** Money has the same keys plus `reduced` (miễn/giảm), which `resolved` includes. */
export const MONEY_KEYS = [
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
  'rate',
  'carriedForward',
  'separateTracking',
  'unclassified',
] as const;
export type MoneyKey = (typeof MONEY_KEYS)[number];

/** Counts are numbers; `rate` is a percentage string with 2 decimals ("47.30"). */
export type CaseFigures = { [K in CaseKey]: K extends 'rate' ? string : number };
/** Amounts are whole đồng as decimal strings; `rate` likewise a percentage string. */
export type MoneyFigures = { [K in MoneyKey]: string };

export interface Figures {
  cases: CaseFigures;
  money: MoneyFigures;
}

export interface TargetComparison {
  cases: string;
  money: string;
  /** Rate minus target in percentage points: positive = vượt, negative = thiếu. */
  casesGap: string;
  moneyGap: string;
}

/**
 * Of `newlyAccepted`, the cases received by entrustment (nhận ủy thác, Luật THADS Điều 55–57) and
 * their amounts: outside `cases` and `money`, whose keys are fixed; absent when there are none.
 */
export interface EntrustedIn {
  cases: number;
  money: string;
}

/**
 * Cases moved into and out of the report's units by transfer during the period (chuyển giao,
 * docs/reorganisation.md), counted in `total`: total = carriedOver + newlyAccepted + in − out.
 * A transfer between two units the report covers counts on both sides, which cancel.
 */
export interface Transferred {
  in: EntrustedIn;
  out: EntrustedIn;
}

export interface StatisticsReport extends Figures {
  /** Present when cases moved in or out by transfer during the period. */
  transferred?: Transferred;
  /** The units, besides the unit and those under it on `to`, whose figures the report includes: its predecessors. */
  includes?: string[];
  /** Present when the period has cases received by entrustment. */
  entrustedIn?: EntrustedIn;
  unitId: string;
  from: string;
  to: string;
  /** The position or instant the report was restricted to, or null for everything known now. */
  asKnownAt: string | null;
  target?: TargetComparison;
  samePeriodLastYear?: Figures;
}
