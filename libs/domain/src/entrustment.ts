import type { ReceiveCase } from './commands';
import type { KnownCase } from './decider';
import { CaseReceived, StepEventOf } from './events';
import { remainingDue } from './lifecycle/context';

/**
 * Entrustment (ủy thác thi hành án, Luật THADS Điều 55–57): the case leaves its unit ("ủy thác
 * đi") and the receiving unit gets a case of its own ("nhận ủy thác"), counted there as newly
 * accepted, which its head decides on within 5 working days (Điều 57.1.b).
 */

/** The receiving unit's case: one per source case, so a repeated command lands on the same one. */
export const entrustedCaseIdOf = (caseId: string): string => `${caseId}.ut`;

/**
 * The receipt of the entrusted case in the receiving unit, on the day of the entrustment, for what
 * is still due, with the source case's judgment and parties and a reference back to it.
 */
export const entrustedInReceipt = (
  source: KnownCase,
  entrusted: StepEventOf<'entrust'>,
  today: string,
): ReceiveCase => {
  const received = source.steps[0] as CaseReceived;
  const { caseId: _source, entrustedFrom: earlier, note: _note, ...rest } = received.data;
  // A case entrusted again keeps the first decision of all (Luật THADS Điều 61.5).
  const firstDecisionOn = earlier?.firstDecisionOn ?? source.lifecycle.context.decidedOn;
  return {
    kind: 'receive',
    caseId: entrusted.data.entrustedCaseId ?? entrustedCaseIdOf(source.caseId),
    on: entrusted.on,
    today,
    data: {
      ...rest,
      unitId: entrusted.data.toUnitId,
      amountDue: remainingDue(source.lifecycle.context.amounts).toString(),
      entrustedFrom: {
        caseId: source.caseId,
        unitId: source.unitId,
        ...(firstDecisionOn !== undefined && { firstDecisionOn }),
      },
    },
  };
};
