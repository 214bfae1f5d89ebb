import { CaseState, caseDecider, CaseEvent, stateNameOf, CaseStateName } from '@thads/domain';
import { emptyFold, foldWith } from './write/fold';
import { Fold } from './write/stream-kind';

/** A case stream folded: the decider's state plus what the next append must state and chain to. */
export type StreamFold = Fold<CaseState>;

export const EMPTY_FOLD: StreamFold = emptyFold(caseDecider);

export const foldRecorded = foldWith(caseDecider);

export const foldDomain = (state: CaseState, events: CaseEvent[]): CaseState =>
  events.reduce(caseDecider.evolve, state);

export const stateNameOfFold = (state: CaseState): CaseStateName | undefined =>
  state.status === 'known' ? stateNameOf(state.lifecycle) : undefined;
