import { CaseCommand } from '../commands';
import { caseDecider, CaseState } from '../decider';
import { CaseRuleViolation, CaseNotFound } from '../errors';
import { CaseEvent } from '../events';
import { CaseStateName, stateNameOf } from '../lifecycle/states';

/** given(past events).when(command).then(new events) — Dudycz's CommandHandlerSpecification, shortened. */
export const given = (...past: CaseEvent[][]) => {
  const state = past.flat().reduce(caseDecider.evolve, caseDecider.initialState());
  return {
    state,
    when: (command: CaseCommand) => ({
      then: (expected: CaseEvent[]) => {
        expect(caseDecider.decide(command, state)).toEqual(expected);
      },
      thenState: (name: CaseStateName) => {
        expect(stateAfter(state, caseDecider.decide(command, state))).toBe(name);
      },
      thenThrows: (rule: string, reason?: string): void => {
        refusalOf(state, command, rule, reason);
      },
      refusal: (rule: string, reason?: string) => refusalOf(state, command, rule, reason),
    }),
  };
};

const refusalOf = (state: CaseState, command: CaseCommand, rule: string, reason?: string): CaseRuleViolation => {
  let error: unknown;
  try {
    caseDecider.decide(command, state);
  } catch (e) {
    error = e;
  }
  expect(error).toBeDefined();
  const code =
    error instanceof CaseRuleViolation ? error.rule : error instanceof CaseNotFound ? error.code : String(error);
  expect(code).toBe(rule);
  if (reason) expect((error as CaseRuleViolation).extra.refusal?.reason).toBe(reason);
  return error as CaseRuleViolation;
};

export const stateAfter = (state: CaseState, events: CaseEvent[]): CaseStateName => {
  const next = events.reduce(caseDecider.evolve, state);
  if (next.status !== 'known') throw new Error('case unknown');
  return stateNameOf(next.lifecycle);
};
