import type { CaseStateName } from '../lifecycle/states';
import { DeadlineStepName } from './deadline-rule';

/**
 * The steps that take a case into a final state (lifecycle/machine.ts), and that state. Nothing
 * can be recorded after them, so a deadline still waiting for a later step would wait for ever:
 * the case's end closes it (Luật THADS Điều 52: completion and termination end enforcement;
 * an entrusted case continues at the receiving agency under its own decision, Điều 55–57).
 */
export const CASE_END_STATES: Readonly<Partial<Record<DeadlineStepName, CaseStateName>>> = {
  complete: 'completed',
  terminate: 'terminated',
  entrust: 'entrusted',
  revoke: 'revoked',
  refuse: 'refused',
  returnRequest: 'returned',
};

/** The final state a step leaves the case in, or undefined for a step after which the case goes on. */
export const caseEndOf = (step: string): CaseStateName | undefined =>
  Object.prototype.hasOwnProperty.call(CASE_END_STATES, step) ? CASE_END_STATES[step as DeadlineStepName] : undefined;
