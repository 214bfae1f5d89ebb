import { Money } from '../money';
import { Origin } from '../reasons';
import { WithoutConditionsRecord } from './separate-tracking';

/** What the lifecycle's guards need to know about a case besides where it stands. */
export interface LifecycleContext {
  origin: Origin;
  amounts: Amounts;
  /** Set while the case is classified without conditions, kept through separate tracking. */
  withoutConditions?: WithoutConditionsRecord;
  /** Steps accepted without moving the case (notify, value, deliver, re-verify…). */
  actsInPlace: number;
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
