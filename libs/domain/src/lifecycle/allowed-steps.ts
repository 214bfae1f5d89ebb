import { CaseEvent, STEP_EVENT, STEP_NAMES, StepData, StepName } from '../events';
import { LocalDate } from '../local-date';
import { remainingDue } from './context';
import { LifecycleSnapshot } from './states';

// The smallest data that makes each step well-formed, so `can` judges only the law and the state.
const PROBES: { [S in Exclude<StepName, 'correct'>]: ReadonlyArray<StepData[S]> } = {
  refuse: [{}],
  decide: [{}],
  assign: [{ enforcerId: '-' }],
  notify: [{}],
  verify: [{}],
  classify: [{ class: 'withConditions' }, { class: 'withoutConditions', ground: 'noAssets' }],
  seize: [{}],
  value: [{}],
  signAuctionContract: [{}],
  auction: [{ result: 'unsold' }],
  deliver: [{}],
  collect: [{ amount: '1' }],
  disburse: [{ amount: '1' }],
  complete: [{}],
  // A court's miễn/giảm: a partial reduction or the waiver of the rest (see `reduceProbes`).
  reduce: [],
  terminate: [{ reason: 'other' }],
  postpone: [{ reason: 'other' }],
  suspend: [{ reason: 'protest' }],
  resume: [{}],
  moveToSeparateTracking: [{}],
  restore: [{}],
  entrust: [{ toUnitId: '-' }],
  transfer: [{ toUnitId: '-' }],
  revoke: [{}],
  returnRequest: [{}],
  recordCaseKinds: [{ creditorKind: 'individual' }],
};

const reduceProbes = (snapshot: LifecycleSnapshot, on: LocalDate): ReadonlyArray<StepData['reduce']> => {
  const court = { court: '-', decisionNumber: '-', decisionOn: on, stateBudgetItem: 'fine' } as const;
  const rest = remainingDue(snapshot.context.amounts);
  return [
    { ...court, amount: '1' },
    ...(rest > 0n
      ? ([
          { ...court, amount: rest.toString() },
          { ...court, amount: rest.toString(), stateBudgetItem: 'courtFee', reliefGround: 'hardship' },
        ] as const)
      : []),
  ];
};

/**
 * The steps the machine would accept now, on date `on` (guards that depend on the date use it),
 * with ordinary data: a step that needs a special ground (a late request, an early seizure) is
 * listed only when it would pass without one.
 */
export const allowedSteps = (snapshot: LifecycleSnapshot, on: LocalDate): StepName[] =>
  STEP_NAMES.filter(
    (step) =>
      step !== 'correct' &&
      (step === 'reduce' ? reduceProbes(snapshot, on) : (PROBES[step] as ReadonlyArray<object>)).some((data) =>
        snapshot.can({ type: STEP_EVENT[step], on, data: { caseId: '-', ...data } } as CaseEvent),
      ),
  );
