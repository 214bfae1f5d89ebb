import { caseListProjection } from '../../case-list/case-list.projection';
import { Projector } from '../../runtime/projector';
import { ledgerHarness } from '../../statistics/testing/ledger-harness';
import { enforcerLedgerProjection } from '../enforcer-ledger.projection';
import { originLedgerProjection } from '../origin-ledger.projection';

/** The statistics ledger harness with the case list and the origin and enforcer ledgers beside it (forms split by origin and enforcer). */
export const formsHarness = () => {
  const h = ledgerHarness();
  const cases = new Projector(h.store, h.readStore, [
    caseListProjection(),
    originLedgerProjection(),
    enforcerLedgerProjection(),
  ]);
  return {
    ...h,
    async project() {
      await h.project();
      await cases.catchUp();
    },
  };
};
export type FormsHarness = ReturnType<typeof formsHarness>;
