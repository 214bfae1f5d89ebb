import { CaseEvent, STEP_EVENT, STEP_NAMES, StepData, StepName } from '../events';
import { LocalDate } from '../local-date';
import { LifecycleSnapshot } from './states';

// The smallest data that makes each step well-formed, so `can` judges only the law and the state.
const PROBES: { [S in Exclude<StepName, 'correct'>]: ReadonlyArray<StepData[S]> } = {
  refuse: [{}], decide: [{}], assign: [{ enforcerId: '-' }], notify: [{}], verify: [{}],
  classify: [{ class: 'withConditions' }, { class: 'withoutConditions', ground: 'noAssets' }],
  seize: [{}], value: [{}], auction: [{ result: 'unsold' }], deliver: [{}],
  collect: [{ amount: '1' }], disburse: [{ amount: '1' }], reduce: [{ amount: '1' }], complete: [{}],
  terminate: [{ reason: 'other' }], postpone: [{ reason: 'other' }], suspend: [{ reason: 'protest' }], resume: [{}],
  moveToSeparateTracking: [{}], restore: [{}], entrust: [{ toUnitId: '-' }], revoke: [{}], returnRequest: [{}],
};

/** The steps the machine would accept now, on date `on` (guards that depend on the date use it). */
export const allowedSteps = (snapshot: LifecycleSnapshot, on: LocalDate): StepName[] =>
  STEP_NAMES.filter((step) => step !== 'correct' &&
    (PROBES[step] as ReadonlyArray<object>).some((data) =>
      snapshot.can({ type: STEP_EVENT[step], on, data: { caseId: '-', ...data } } as CaseEvent)));
