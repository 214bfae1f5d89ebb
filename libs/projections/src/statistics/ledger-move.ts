import { CaseEvent, CaseState, KnownCase } from '@thads/domain';
import { exitKeyOf, isActive, isStock, LedgerKey } from './ledger-keys';
import { LedgerSnapshot, ledgerSnapshotOf } from './ledger-snapshot';

export interface LedgerDelta {
  key: LedgerKey;
  /** Cases: +1 / -1 for stocks, +1 for a flow (negative only when a correction takes one back). */
  n: number;
  /** Whole đồng. */
  money: bigint;
}

/** The deltas of one event, dated on the business day they take effect. */
export interface LedgerMove {
  day: string;
  deltas: LedgerDelta[];
}

/**
 * What moving a case from one snapshot to the next writes. Conservation holds by construction:
 * the active stocks change by exactly the flows in minus the flows out, in cases and in money,
 * which is what makes the report's identities hold (docs/architecture.md §6).
 */
export const deltasBetween = (from: LedgerSnapshot, to: LedgerSnapshot): LedgerDelta[] => {
  const deltas: LedgerDelta[] = [];
  const collected = to.collected - from.collected;
  const reduced = to.reduced - from.reduced;
  // Money counts as thi hành xong / giảm only while the case is in the caseload; a reduction in
  // the separate-tracking register only lowers the register's amount (policy separateTrackingOutsideCaseload).
  if (isActive(from.cls)) {
    if (collected !== 0n) deltas.push({ key: 'collected', n: 0, money: collected });
    if (reduced !== 0n) deltas.push({ key: 'reduced', n: 0, money: reduced });
  }
  if (from.cls === to.cls) {
    if (isStock(from.cls) && to.outstanding !== from.outstanding)
      deltas.push({ key: from.cls, n: 0, money: to.outstanding - from.outstanding });
    return deltas;
  }
  if (isStock(from.cls)) deltas.push({ key: from.cls, n: -1, money: -from.outstanding });
  if (isStock(to.cls)) deltas.push({ key: to.cls, n: 1, money: to.outstanding });
  if (!isActive(from.cls) && isActive(to.cls)) {
    deltas.push({ key: from.cls === 'separateTracking' ? 'restored' : 'accepted', n: 1, money: to.outstanding });
  } else if (isActive(from.cls) && !isActive(to.cls)) {
    const exit = exitKeyOf(to.cls);
    // The machine never takes an accepted case back to "not accepted"; should it ever, the
    // acceptance is taken back rather than counted as an exit, keeping the stocks conserved.
    deltas.push(exit ? { key: exit, n: 1, money: to.outstanding } : { key: 'accepted', n: -1, money: -to.outstanding });
  }
  return deltas;
};

const negate = (deltas: LedgerDelta[]): LedgerDelta[] =>
  deltas.map((d) => ({ key: d.key, n: 0 - d.n, money: -d.money }));

/** A case the receiving unit got by entrustment: its acceptance also counts as "of which entrusted in". */
const entrustedIn = (state: CaseState): boolean =>
  state.status === 'known' &&
  state.steps[0]?.type === 'CaseReceived' &&
  state.steps[0].data.entrustedFrom !== undefined;

const withEntrustedIn = (deltas: LedgerDelta[], state: CaseState): LedgerDelta[] =>
  entrustedIn(state)
    ? deltas.flatMap((d) => (d.key === 'accepted' ? [d, { key: 'acceptedEntrustedIn', n: d.n, money: d.money }] : [d]))
    : deltas;

/**
 * The ledger move of one folded event. A correction voids the latest step as if it had never been
 * taken (docs/architecture.md §3): its move is the voided step's move taken back, on the voided step's
 * own date, so reports of every period agree with the corrected history, while `asKnownAt` before
 * the correction still shows the step as it was reported then.
 */
export const movesOf = (folded: { event: CaseEvent; before: CaseState; after: KnownCase }): LedgerMove | undefined => {
  const { event, before, after } = folded;
  if (before === after) return undefined;
  if (event.type === 'StepCorrected') {
    if (before.status !== 'known') return undefined;
    const voided = before.steps[before.steps.length - 1];
    return {
      day: voided.on,
      deltas: withEntrustedIn(negate(deltasBetween(ledgerSnapshotOf(after), ledgerSnapshotOf(before))), after),
    };
  }
  const deltas = withEntrustedIn(deltasBetween(ledgerSnapshotOf(before), ledgerSnapshotOf(after)), after);
  return deltas.length ? { day: event.on, deltas } : undefined;
};
