import { CaseState, caseDecider, CaseEvent, stateNameOf, CaseStateName } from '@thads/domain';
import { CurrentRevision, NO_STREAM, RecordedEvent } from '@thads/event-store';
import { domainEventOf, metadataOf } from './envelope';
import { GENESIS_HASH } from './hash-chain';

/** A case stream folded: the decider's state plus what the next append must state and chain to. */
export interface StreamFold {
  state: CaseState;
  revision: CurrentRevision;
  lastHash: string;
  position?: bigint;
}

export const EMPTY_FOLD: StreamFold = {
  state: caseDecider.initialState(),
  revision: NO_STREAM,
  lastHash: GENESIS_HASH,
};

export const foldRecorded = (fold: StreamFold, recorded: RecordedEvent): StreamFold => ({
  state: caseDecider.evolve(fold.state, domainEventOf(recorded)),
  revision: recorded.revision,
  lastHash: metadataOf(recorded).hash,
  position: recorded.position,
});

export const foldDomain = (state: CaseState, events: CaseEvent[]): CaseState =>
  events.reduce(caseDecider.evolve, state);

export const stateNameOfFold = (state: CaseState): CaseStateName | undefined =>
  state.status === 'known' ? stateNameOf(state.lifecycle) : undefined;
