import { initialTransition } from 'xstate';
import { assertNever } from './assert-never';
import { CaseCommand, TakeStep } from './commands';
import { CaseEvent, STEP_EVENT, StepEvent, StepEventOf, StepName } from './events';
import { CaseNotFound, CaseRuleViolation } from './errors';
import { Decider } from './deciding';
import { LocalDate, maxDate } from './local-date';
import { caseLifecycle } from './lifecycle/machine';
import { allowedSteps } from './lifecycle/allowed-steps';
import { explainRefusal } from './lifecycle/refusals';
import { LifecycleSnapshot, stateNameOf } from './lifecycle/states';
import { nextSnapshot } from './lifecycle/fast-path';
import { Origin } from './reasons';
import { entrustedCaseIdOf } from './entrustment';

export type CaseState =
  | { status: 'unknown' }
  | {
      status: 'known';
      caseId: string;
      unitId: string;
      origin: Origin;
      lifecycle: LifecycleSnapshot;
      /** Business date of the latest step: a new step may not precede it (docs/architecture.md §3). */
      lastOn: LocalDate;
      enforcerId?: string;
      /** The effective events so far (corrected ones removed): a correction refolds them. */
      steps: ReadonlyArray<CaseEvent>;
    };

export type KnownCase = Extract<CaseState, { status: 'known' }>;

const [NEW_CASE] = initialTransition(caseLifecycle);

// A step folded from the log was judged by the law in force when it was taken: the law's guards
// do not judge it again (machine.ts `judgedWhenTaken`), so a rule added later never changes what
// a recorded step did. The graph still decides where it leads.
const FROM_LOG = { fromLog: true };
const next = (from: LifecycleSnapshot, event: CaseEvent): LifecycleSnapshot => nextSnapshot(from, event, FROM_LOG);

export const initialState = (): CaseState => ({ status: 'unknown' });

/** Folds one event; never throws, and ignores what the machine does not accept (old history). */
export const evolve = (state: CaseState, event: CaseEvent): CaseState => {
  if (event.type === 'CaseReceived') {
    if (state.status === 'known') return state;
    const { caseId, unitId, origin } = event.data;
    return {
      status: 'known',
      caseId,
      unitId,
      origin,
      lifecycle: next(NEW_CASE, event),
      lastOn: event.on,
      steps: [event],
    };
  }
  if (state.status === 'unknown') return state;
  if (event.type === 'StepCorrected') return withoutLatestStep(state);
  const lifecycle = next(state.lifecycle, event);
  if (lifecycle === state.lifecycle) return state;
  const enforcerId = event.type === 'EnforcerAssigned' ? event.data.enforcerId : state.enforcerId;
  // A transfer (chuyển giao) moves the case to its new unit: the unit the rest of the code reads.
  const unitId = event.type === 'CaseTransferred' ? event.data.toUnitId : state.unitId;
  return {
    ...state,
    unitId,
    lifecycle,
    lastOn: maxDate(state.lastOn, event.on),
    enforcerId,
    steps: [...state.steps, event],
  };
};

/** The case as if its latest effective step had never been taken. */
const withoutLatestStep = (state: KnownCase): CaseState => {
  if (state.steps.length < 2) return state;
  return state.steps.slice(0, -1).reduce(evolve, initialState());
};

export const decide = (command: CaseCommand, state: CaseState): CaseEvent[] => {
  switch (command.kind) {
    case 'receive': {
      if (state.status === 'known')
        throw new CaseRuleViolation('case.already-exists', command.caseId, `case ${command.caseId} already exists`);
      assertNotFuture(command.caseId, command.on, command.today);
      return [{ type: 'CaseReceived', on: command.on, data: { caseId: command.caseId, ...command.data } }];
    }
    case 'step':
      if (state.status === 'unknown') throw new CaseNotFound(command.caseId);
      return [
        command.step === 'correct'
          ? decideCorrection(command as TakeStep<'correct'>, state)
          : decideStep(command, state),
      ];
    default:
      return assertNever(command);
  }
};

const decideStep = (command: TakeStep, state: KnownCase): StepEvent => {
  assertNotFuture(command.caseId, command.on, command.today);
  if (command.on < state.lastOn) {
    throw new CaseRuleViolation(
      'case.step-date-before-previous',
      command.caseId,
      `ngày ${command.on} trước ngày của bước trước (${state.lastOn})`,
      { lastStepOn: state.lastOn },
    );
  }
  // An entrustment names the receiving unit's case (entrustment.ts); one spread only on the hot path.
  // A transfer names the unit it leaves, so the ledger and the history need not refold to know it.
  const data =
    command.step === 'entrust'
      ? { caseId: command.caseId, ...command.data, entrustedCaseId: entrustedCaseIdOf(command.caseId) }
      : command.step === 'transfer'
        ? { caseId: command.caseId, ...command.data, fromUnitId: state.unitId }
        : { caseId: command.caseId, ...command.data };
  const event = { type: STEP_EVENT[command.step], on: command.on, data } as StepEvent;
  const to = nextSnapshot(state.lifecycle, event);
  if (to === state.lifecycle) {
    const refusal = explainRefusal(state.lifecycle, event);
    throw new CaseRuleViolation(
      'case.step-not-allowed',
      command.caseId,
      `bước '${command.step}' không được phép khi việc ở trạng thái '${stateNameOf(state.lifecycle)}': ${refusal.detail}`,
      {
        step: command.step,
        state: stateNameOf(state.lifecycle),
        allowedSteps: allowedStepsOf(state, command.on),
        refusal,
      },
    );
  }
  return event;
};

const decideCorrection = (command: TakeStep<'correct'>, state: KnownCase): StepEventOf<'correct'> => {
  assertNotFuture(command.caseId, command.on, command.today);
  const latest = state.steps[state.steps.length - 1];
  if (state.steps.length < 2) {
    throw new CaseRuleViolation(
      'case.correction-not-allowed',
      command.caseId,
      'không đính chính được việc tiếp nhận; dùng thu hồi (revoke) hoặc từ chối (refuse)',
    );
  }
  if (latest.id !== command.data.correctsEventId) {
    throw new CaseRuleViolation(
      'case.correction-not-latest',
      command.caseId,
      'chỉ đính chính được bước có hiệu lực gần nhất; đính chính các bước sau trước',
      { latestEventId: latest.id ?? null, latestType: latest.type },
    );
  }
  if (command.on < latest.on) {
    throw new CaseRuleViolation(
      'case.step-date-before-previous',
      command.caseId,
      `ngày ${command.on} trước bước được đính chính (${latest.on})`,
    );
  }
  return {
    type: 'StepCorrected',
    on: command.on,
    data: {
      caseId: command.caseId,
      correctsEventId: latest.id!,
      correctsType: latest.type,
      correctsOn: latest.on,
      reason: command.data.reason,
      ...(command.data.note !== undefined ? { note: command.data.note } : {}),
    },
  };
};

/** The steps the case accepts now: the machine's, plus a correction of the latest step. */
export const allowedStepsOf = (state: KnownCase, on: LocalDate): StepName[] => {
  const steps = allowedSteps(state.lifecycle, on);
  return state.steps.length > 1 ? [...steps, 'correct'] : steps;
};

const assertNotFuture = (caseId: string, on: LocalDate, today: LocalDate) => {
  if (on > today)
    throw new CaseRuleViolation('case.step-date-in-future', caseId, `ngày ${on} ở tương lai (hôm nay ${today})`, {
      today,
    });
};

/** The rules of a case stream, run by the application's one write path (docs/architecture.md §3). */
export const caseDecider = { initialState, evolve, decide } satisfies Decider<CaseCommand, CaseEvent, CaseState>;
