import { caseListProjection } from '../../case-list/case-list.projection';
import { Projector } from '../../runtime/projector';
import { ledgerHarness } from '../../statistics/testing/ledger-harness';

/** The statistics ledger harness with the case list beside it: the forms split by origin and enforcer from it. */
export const formsHarness = () => {
  const h = ledgerHarness();
  const cases = new Projector(h.store, h.readStore, [caseListProjection()]);
  return {
    ...h,
    async project() {
      await h.project();
      await cases.catchUp();
    },
  };
};
export type FormsHarness = ReturnType<typeof formsHarness>;
