import { StatisticClass } from '@thads/domain';

/**
 * The ledger's vocabulary. A case is in at most one *stock* at a time (a count of 1 and its
 * remaining amount due); every move between stocks also writes a dated *flow*. Reports are range
 * sums over these keys: stocks summed up to a day, flows summed over a period (docs/architecture.md §7).
 */
export const ACTIVE_STOCKS = ['unclassified', 'inProgress', 'withoutConditions', 'postponed', 'suspended'] as const;
export type ActiveStock = (typeof ACTIVE_STOCKS)[number];

/** The separate-tracking register is kept, but outside the active caseload (docs/domain.md §4.4). */
export const STOCK_KEYS = [...ACTIVE_STOCKS, 'separateTracking'] as const;
export type StockKey = (typeof STOCK_KEYS)[number];

/** How a case leaves the active caseload, by the class it lands in. */
export const EXIT_KEYS = [
  'completed',
  'terminated',
  'entrustedOut',
  'revoked',
  'returned',
  'toSeparateTracking',
] as const;
export type ExitKey = (typeof EXIT_KEYS)[number];

export const FLOW_KEYS = [
  // Entering the active caseload: the enforcement decision (thụ lý), or back from separate tracking.
  'accepted',
  'restored',
  // Of the accepted, those received by entrustment (nhận ủy thác, Luật THADS Điều 55–57): a part of
  // 'accepted', written beside it, never a stock.
  'acceptedEntrustedIn',
  ...EXIT_KEYS,
  // Money that left an active case's remaining due without moving it: thu tiền, miễn/giảm.
  'collected',
  'reduced',
  // An active case moved to another unit (chuyển giao, docs/reorganisation.md): out of the one it
  // leaves, into the one it reaches, on the same day; within a report covering both they cancel.
  'transferredIn',
  'transferredOut',
] as const;
export type FlowKey = (typeof FLOW_KEYS)[number];

export type LedgerKey = StockKey | FlowKey;
export const LEDGER_KEYS: ReadonlyArray<LedgerKey> = [...STOCK_KEYS, ...FLOW_KEYS];

const ACTIVE = new Set<StatisticClass>(ACTIVE_STOCKS);
const STOCK = new Set<StatisticClass>(STOCK_KEYS);

export const isActive = (cls: StatisticClass): cls is ActiveStock => ACTIVE.has(cls);
export const isStock = (cls: StatisticClass): cls is StockKey => STOCK.has(cls);

/** The flow a case leaving the caseload writes, by where it lands; undefined if it never entered. */
export const exitKeyOf = (cls: StatisticClass): ExitKey | undefined => {
  switch (cls) {
    case 'completed':
    case 'terminated':
    case 'entrustedOut':
    case 'revoked':
    case 'returned':
      return cls;
    case 'separateTracking':
      return 'toSeparateTracking';
    default:
      return undefined;
  }
};
