import { DomainEvent } from '../events';

/**
 * Targets (chỉ tiêu) assigned to a unit for a reporting year: the annual rates and, optionally,
 * period targets (chỉ tiêu phân kỳ) keyed by the number of months since 1 October
 * (docs/domain.md §4.5). Setting them is a recorded, hash-chained fact on its own stream; the latest
 * event of the stream is in force.
 */
export const TARGETS_SET = 'TargetsSet';

export interface TargetRates {
  /** Percent with 2 decimals, e.g. "83.90". */
  cases: string;
  money: string;
}

export interface TargetsSetData extends TargetRates {
  unitId: string;
  /** The reporting year N: 1 October N-1 to 30 September N. */
  year: number;
  periods?: Record<string, TargetRates>;
}

export const targetsStream = (unitId: string, year: number) => `targets-${unitId}-${year}`;

export type TargetsSet = DomainEvent<typeof TARGETS_SET, TargetsSetData>;
export type TargetsEvent = TargetsSet;
