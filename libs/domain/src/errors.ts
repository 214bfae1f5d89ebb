import { Refusal } from './lifecycle/refusals';

/** Stable codes of the rules a case command can break (a unit's: units/unit-errors.ts); the HTTP edge maps them to 409 (docs/style.md §7). */
export type CaseRule =
  | 'case.already-exists'
  | 'case.step-not-allowed'
  | 'case.step-date-before-previous'
  | 'case.step-date-in-future'
  | 'case.correction-not-latest'
  | 'case.correction-not-allowed'
  | 'unit.parent-not-found'
  | 'unit.parent-level'
  | 'unit.cannot-receive-transfer'
  | 'unit.closed'
  | 'reorganisation.invalid'
  | 'reorganisation.into-descendant'
  | 'reorganisation.before-unit-existed'
  | 'reorganisation.date-in-future'
  | 'reorganisation.case-unassigned'
  | 'reorganisation.case-stepped-after'
  | 'reorganisation.already-recorded';

export class CaseRuleViolation extends Error {
  override readonly name = 'CaseRuleViolation';
  constructor(
    readonly rule: CaseRule,
    readonly subject: string,
    detail: string,
    readonly extra: { allowedSteps?: string[]; refusal?: Refusal; [key: string]: unknown } = {},
  ) {
    super(detail);
  }
}

/** The command names a case (or unit) that was never received: 404 at the edge. */
export class CaseNotFound extends Error {
  override readonly name = 'CaseNotFound';
  constructor(
    readonly caseId: string,
    readonly code: 'case.not-found' | 'unit.not-found' = 'case.not-found',
  ) {
    super(`${code === 'case.not-found' ? 'case' : 'unit'} ${caseId} not found`);
  }
}
