import { initialTransition, transition } from 'xstate';
import { assertNever } from './assert-never';
import { CaseCommand, TakeStep } from './commands';
import { CaseEvent, STEP_EVENT, StepEvent } from './events';
import { CaseNotFound, CaseRuleViolation } from './errors';
import { LocalDate, maxDate } from './local-date';
import { caseLifecycle } from './lifecycle/machine';
import { allowedSteps } from './lifecycle/allowed-steps';
import { explainRefusal } from './lifecycle/refusals';
import { LifecycleSnapshot, stateNameOf } from './lifecycle/states';
import { Origin } from './reasons';

export type CaseState =
  | { status: 'unknown' }
  | {
      status: 'known';
      caseId: string;
      unitId: string;
      origin: Origin;
      lifecycle: LifecycleSnapshot;
      /** Business date of the latest step: a new step may not precede it (ARCHITECTURE.md §3). */
      lastOn: LocalDate;
      enforcerId?: string;
    };

export type KnownCase = Extract<CaseState, { status: 'known' }>;

const [NEW_CASE] = initialTransition(caseLifecycle);

export const initialState = (): CaseState => ({ status: 'unknown' });

/** Folds one event; never throws, and ignores what the machine does not accept (old history). */
export const evolve = (state: CaseState, event: CaseEvent): CaseState => {
  if (event.type === 'CaseReceived') {
    if (state.status === 'known') return state;
    const { caseId, unitId, origin } = event.data;
    return { status: 'known', caseId, unitId, origin, lifecycle: transition(caseLifecycle, NEW_CASE, event)[0], lastOn: event.on };
  }
  if (state.status === 'unknown') return state;
  const [lifecycle] = transition(caseLifecycle, state.lifecycle, event);
  const enforcerId = event.type === 'EnforcerAssigned' ? event.data.enforcerId : state.enforcerId;
  return { ...state, lifecycle, lastOn: maxDate(state.lastOn, event.on), enforcerId };
};

export const decide = (command: CaseCommand, state: CaseState): CaseEvent[] => {
  switch (command.kind) {
    case 'receive': {
      if (state.status === 'known') throw new CaseRuleViolation('case.already-exists', command.caseId, `case ${command.caseId} already exists`);
      assertNotFuture(command.caseId, command.on, command.today);
      return [{ type: 'CaseReceived', on: command.on, data: { caseId: command.caseId, ...command.data } }];
    }
    case 'step':
      if (state.status === 'unknown') throw new CaseNotFound(command.caseId);
      return [decideStep(command, state)];
    default:
      return assertNever(command);
  }
};

const decideStep = (command: TakeStep, state: KnownCase): StepEvent => {
  assertNotFuture(command.caseId, command.on, command.today);
  if (command.on < state.lastOn) {
    throw new CaseRuleViolation('case.step-date-before-previous', command.caseId,
      `ngày ${command.on} trước ngày của bước trước (${state.lastOn})`, { lastStepOn: state.lastOn });
  }
  const event = { type: STEP_EVENT[command.step], on: command.on, data: { caseId: command.caseId, ...command.data } } as StepEvent;
  if (!state.lifecycle.can(event)) {
    const refusal = explainRefusal(state.lifecycle, event);
    throw new CaseRuleViolation('case.step-not-allowed', command.caseId,
      `bước '${command.step}' không được phép khi việc ở trạng thái '${stateNameOf(state.lifecycle)}': ${refusal.detail}`,
      { step: command.step, state: stateNameOf(state.lifecycle), allowedSteps: allowedSteps(state.lifecycle, command.on), refusal });
  }
  return event;
};

const assertNotFuture = (caseId: string, on: LocalDate, today: LocalDate) => {
  if (on > today) throw new CaseRuleViolation('case.step-date-in-future', caseId, `ngày ${on} ở tương lai (hôm nay ${today})`, { today });
};

export const caseDecider = { initialState, evolve, decide };
