import { CaseState, remainingDue, STATISTIC_CLASS, StatisticClass, stateNameOf } from '@thads/domain';

/** What the ledger needs of a folded case: its statistic class and its amounts. */
export interface LedgerSnapshot {
  cls: StatisticClass;
  /** Remaining due: amount due less collected and reduced (miễn/giảm). */
  outstanding: bigint;
  collected: bigint;
  reduced: bigint;
}

export const NOT_ACCEPTED: LedgerSnapshot = { cls: 'notAccepted', outstanding: 0n, collected: 0n, reduced: 0n };

export const ledgerSnapshotOf = (state: CaseState): LedgerSnapshot => {
  if (state.status !== 'known') return NOT_ACCEPTED;
  const amounts = state.lifecycle.context.amounts;
  return {
    cls: STATISTIC_CLASS[stateNameOf(state.lifecycle)],
    outstanding: remainingDue(amounts),
    collected: amounts.collected,
    reduced: amounts.reduced,
  };
};
