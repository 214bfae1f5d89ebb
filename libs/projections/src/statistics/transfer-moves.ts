import { CaseEvent, CaseState, KnownCase } from '@thads/domain';
import { isActive, isStock } from './ledger-keys';
import { LedgerDelta, movesOf } from './ledger-move';
import { ledgerSnapshotOf } from './ledger-snapshot';

/** Ledger deltas at one unit on one day. */
export interface PlacedMove {
  unitId: string;
  day: string;
  deltas: LedgerDelta[];
}

type Folded = { event: CaseEvent; before: CaseState; after: KnownCase };

/**
 * The figures follow the case (docs/reorganisation.md): a transfer takes the case's stock out of
 * the unit it leaves and into the one it reaches on the transfer's date, with a flow on each side
 * while the case is in the active caseload (a case in the separate-tracking register moves its
 * register line only). Nothing else changes, so a report covering both units, and the nation's,
 * are unchanged. A correction of a transfer takes both sides back on the transfer's own date.
 */
const transferMoves = (folded: Folded, from: string, to: string, day: string, sign: 1 | -1): PlacedMove[] => {
  const { cls, outstanding } = ledgerSnapshotOf(folded.after);
  if (!isStock(cls) || from === to) return [];
  const out: LedgerDelta[] = [{ key: cls, n: -1, money: -outstanding }];
  const into: LedgerDelta[] = [{ key: cls, n: 1, money: outstanding }];
  if (isActive(cls)) {
    out.push({ key: 'transferredOut', n: 1, money: outstanding });
    into.push({ key: 'transferredIn', n: 1, money: outstanding });
  }
  const signed = (deltas: LedgerDelta[]) =>
    sign === 1 ? deltas : deltas.map((d) => ({ key: d.key, n: 0 - d.n, money: -d.money }));
  return [
    { unitId: from, day, deltas: signed(out) },
    { unitId: to, day, deltas: signed(into) },
  ];
};

/** Every unit's ledger deltas of one folded event: the case's own unit, or both sides of a transfer. */
export const placedMovesOf = (folded: Folded): PlacedMove[] => {
  const { event, before, after } = folded;
  if (before === after || before.status !== 'known') {
    const move = movesOf(folded);
    return move ? [{ unitId: after.unitId, ...move }] : [];
  }
  if (event.type === 'CaseTransferred') return transferMoves(folded, before.unitId, after.unitId, event.on, 1);
  const voided = before.steps[before.steps.length - 1];
  if (event.type === 'StepCorrected' && voided?.type === 'CaseTransferred')
    return transferMoves(folded, after.unitId, before.unitId, voided.on, -1);
  const move = movesOf(folded);
  return move ? [{ unitId: after.unitId, ...move }] : [];
};
