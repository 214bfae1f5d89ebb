import { addYears, CreditorKind, JudgmentKind, LocalDate } from '@thads/domain';
import { AssetFact } from './watch-facts.projection';

/** Where a case stands on the as-of day, from the ledger (state, money, dates) and watch_facts (kinds, assets). */
export interface CaseAt {
  caseId: string;
  unitId: string;
  /** In the active caseload (accepted, not yet resolved or sent away). */
  active: boolean;
  /** In one of the "with conditions" stocks: being enforced, postponed or suspended. */
  withConditions: boolean;
  /** Completed (thi hành xong) by the as-of day. */
  completed: boolean;
  /** The first day the case was classified with conditions, if it was by the as-of day. */
  withConditionsSince?: LocalDate;
  /** What remains to be enforced, whole đồng (0 once out of the caseload). */
  remaining: bigint;
  /** The amount the judgment ordered. */
  due: bigint;
  creditorKind?: CreditorKind;
  judgmentKind?: JudgmentKind;
  steeringCommittee?: boolean;
  /** Auctions, payments in full and deliveries dated up to the as-of day. */
  assets: AssetFact[];
}

/**
 * A watch list's rule: a conjunction of the conditions below, each optional but `caseload`. This
 * is the vocabulary the lists are written in (watch-lists.ts); a new list is a new entry.
 */
export interface WatchRule {
  /** Which cases are looked at: those with conditions, the active caseload, or also the completed ones. */
  caseload: 'withConditions' | 'active' | 'activeOrCompleted';
  creditorKinds?: ReadonlyArray<CreditorKind>;
  judgmentKinds?: ReadonlyArray<JudgmentKind>;
  /** The amount ordered is over this (strictly), whole đồng as a decimal string. */
  dueOver?: string;
  /** Classified with conditions at least this many years before the as-of day (to the day). */
  withConditionsForYears?: number;
  /** At least this many auctions without a sale since the last sale (or ever, if none sold). */
  unsoldAuctionsAtLeast?: number;
  /** Sold at auction and not yet delivered to the buyer. */
  soldNotDelivered?: true;
  /** What the list's money adds up: what remains to be enforced, or the price of the undelivered sale. */
  money: 'remaining' | 'soldPrice';
}

/** Unsold auctions since the last sale. */
export const unsoldAuctionsOf = (assets: ReadonlyArray<AssetFact>): number => {
  let unsold = 0;
  for (const fact of assets) if (fact[0] === 'a') unsold = fact[2] === 'sold' ? 0 : unsold + 1;
  return unsold;
};

/** The latest sale not followed by a delivery, if any: its date, price and the day the buyer paid in full. */
export const undeliveredSaleOf = (
  assets: ReadonlyArray<AssetFact>,
): { soldOn: LocalDate; price: bigint; paidInFullOn?: LocalDate } | undefined => {
  let sale: { soldOn: LocalDate; price: bigint; paidInFullOn?: LocalDate } | undefined;
  for (const fact of assets) {
    if (fact[0] === 'a' && fact[2] === 'sold') sale = { soldOn: fact[1], price: BigInt(fact[3] ?? '0') };
    else if (fact[0] === 'p' && sale) sale.paidInFullOn ??= fact[1];
    else if (fact[0] === 'd') sale = undefined;
  }
  return sale;
};

export type Verdict = 'in' | 'out' | 'unknownKind';

/**
 * Is the case on the list as of `asOf`? A case that meets every condition but a kind it never
 * recorded is `unknownKind`: counted apart, never guessed into or out of the list.
 */
export const judge = (rule: WatchRule, c: CaseAt, asOf: LocalDate): Verdict => {
  const inCaseload =
    rule.caseload === 'withConditions'
      ? c.withConditions
      : rule.caseload === 'active'
        ? c.active
        : c.active || c.completed;
  if (!inCaseload) return 'out';
  if (rule.dueOver !== undefined && !(c.due > BigInt(rule.dueOver))) return 'out';
  if (rule.withConditionsForYears !== undefined) {
    if (!c.withConditionsSince || c.withConditionsSince > addYears(asOf, -rule.withConditionsForYears)) return 'out';
  }
  if (rule.unsoldAuctionsAtLeast !== undefined && unsoldAuctionsOf(c.assets) < rule.unsoldAuctionsAtLeast) return 'out';
  if (rule.soldNotDelivered && !undeliveredSaleOf(c.assets)) return 'out';
  let unknown = false;
  if (rule.creditorKinds) {
    if (c.creditorKind === undefined) unknown = true;
    else if (!rule.creditorKinds.includes(c.creditorKind)) return 'out';
  }
  if (rule.judgmentKinds) {
    if (c.judgmentKind === undefined) unknown = true;
    else if (!rule.judgmentKinds.includes(c.judgmentKind)) return 'out';
  }
  return unknown ? 'unknownKind' : 'in';
};

/** The case's share of the list's money. */
export const moneyOf = (rule: WatchRule, c: CaseAt): bigint =>
  rule.money === 'soldPrice' ? (undeliveredSaleOf(c.assets)?.price ?? 0n) : c.remaining;
