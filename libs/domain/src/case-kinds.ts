import { CaseEvent } from './events';

/**
 * What a case is about, as the agencies' reports break their caseload down (issue 27): the kind
 * of creditor (người được thi hành án) and the kind of judgment. Leadership follows credit
 * institutions' cases, State-budget receipts and the recovery of corruption and economic crime
 * proceeds by these (docs/watchlists.md). Recorded at receipt or by the `recordCaseKinds`
 * correction; a case recorded before either knows neither, and counts as "unknown", never guessed.
 */
export const CREDITOR_KINDS = ['creditInstitution', 'stateBudget', 'organisation', 'individual'] as const;
export type CreditorKind = (typeof CREDITOR_KINDS)[number];

/** Civil, business and commercial, labour, administrative; criminal: corruption, economic, other. */
export const JUDGMENT_KINDS = [
  'civil',
  'commercial',
  'labour',
  'administrative',
  'criminalCorruption',
  'criminalEconomic',
  'criminalOther',
] as const;
export type JudgmentKind = (typeof JUDGMENT_KINDS)[number];

export interface CaseKinds {
  creditorKind?: CreditorKind;
  judgmentKind?: JudgmentKind;
  /** A steering committee (Ban chỉ đạo) follows the case. */
  steeringCommittee?: boolean;
}

/**
 * The kinds of a case from its effective steps: those of the receipt, each overridden by the
 * latest `CaseKindsRecorded` that names it (a voided correction is no longer among the steps).
 */
export const caseKindsOf = (steps: ReadonlyArray<CaseEvent>): CaseKinds => {
  const kinds: CaseKinds = {};
  for (const e of steps) {
    if (e.type === 'CaseReceived') {
      if (e.data.creditor.kind !== undefined) kinds.creditorKind = e.data.creditor.kind;
      if (e.data.judgment.kind !== undefined) kinds.judgmentKind = e.data.judgment.kind;
      if (e.data.steeringCommittee !== undefined) kinds.steeringCommittee = e.data.steeringCommittee;
    } else if (e.type === 'CaseKindsRecorded') {
      if (e.data.creditorKind !== undefined) kinds.creditorKind = e.data.creditorKind;
      if (e.data.judgmentKind !== undefined) kinds.judgmentKind = e.data.judgmentKind;
      if (e.data.steeringCommittee !== undefined) kinds.steeringCommittee = e.data.steeringCommittee;
    }
  }
  return kinds;
};
