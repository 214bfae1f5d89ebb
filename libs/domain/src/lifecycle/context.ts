import { LocalDate } from '../local-date';
import { Money } from '../money';
import { AuctionResult, Origin } from '../reasons';
import { WithoutConditionsRecord } from './separate-tracking';

/** What the lifecycle's guards need to know about a case besides where it stands. */
export interface LifecycleContext {
  origin: Origin;
  amounts: Amounts;
  /** Set while the case is classified without conditions, kept through separate tracking. */
  withoutConditions?: WithoutConditionsRecord;
  /** Steps accepted without moving the case (notify, value, deliver, re-verify…). */
  actsInPlace: number;
  /** The unit that holds the case: an entrustment goes elsewhere (Luật THADS Điều 55–57). */
  unitId?: string;
  /** Received by entrustment: the request was made, in time, at the unit that entrusted it. */
  entrustedIn?: boolean;
  /** The date the judgment or request was received, and the judgment's date (limitation, Điều 30). */
  receivedOn?: LocalDate;
  judgmentDate?: LocalDate;
  /** The day the judgment took effect, when recorded: the limitation runs from it (Điều 30.1). */
  judgmentEffectiveOn?: LocalDate;
  /** The case's own fact: the judgment is an interim measure, enforced at once (Điều 36.2, 45.2); undefined when not recorded. */
  interimMeasure?: boolean;
  /** The first enforcement decision: the voluntary period and miễn/giảm count from it (Điều 45, 61.5). */
  decidedOn?: LocalDate;
  /** For a case received by entrustment, the source's first decision (Điều 61.5). */
  firstDecisionOn?: LocalDate;
  /** The first notice of the decision: the voluntary period runs from it (Điều 45.1). */
  notifiedOn?: LocalDate;
  /** The court decision of the latest miễn/giảm: once a year (Điều 61.5). */
  lastReductionOn?: LocalDate;
  /** The latest auction since the latest seizure, and the day its buyer had paid in full (NĐ 62/2015 Điều 27.3). */
  auction?: { result: AuctionResult; paidInFullOn?: LocalDate };
}

export interface Amounts {
  due: Money;
  collected: Money;
  disbursed: Money;
  reduced: Money;
}

export const ZERO_AMOUNTS: Amounts = { due: 0n, collected: 0n, disbursed: 0n, reduced: 0n };

/** What is still owed: the amount due less what was collected or waived (miễn/giảm). */
export const remainingDue = (a: Amounts): Money => a.due - a.collected - a.reduced;

/**
 * Where the limitation of a request runs from: the day the judgment took effect (Luật THADS Điều
 * 30.1), or the judgment's date when that day was not recorded, which the guard then says.
 */
export const limitationStart = (
  c: Pick<LifecycleContext, 'judgmentDate' | 'judgmentEffectiveOn'>,
): { on: LocalDate; assumed: boolean } | undefined =>
  c.judgmentEffectiveOn !== undefined
    ? { on: c.judgmentEffectiveOn, assumed: false }
    : c.judgmentDate !== undefined
      ? { on: c.judgmentDate, assumed: true }
      : undefined;
