import { AnyDomainEvent, Decider } from '@thads/domain';
import { NO_STREAM, RecordedEvent } from '@thads/event-store';
import { metadataOf } from '../envelope';
import { GENESIS_HASH } from '../hash-chain';
import { Fold } from './stream-kind';

/** The fold of a stream not written yet. */
export const emptyFold = <S>(decider: Decider<never, AnyDomainEvent, S>): Fold<S> => ({
  state: decider.initialState(),
  revision: NO_STREAM,
  lastHash: GENESIS_HASH,
});

/** The domain event inside a stored one: the business date comes out of the metadata. */
export const eventOfRecorded = <E extends AnyDomainEvent>(recorded: RecordedEvent): E =>
  ({ type: recorded.type, data: recorded.data, on: metadataOf(recorded).on, id: recorded.id }) as unknown as E;

/** One stored event folded in with the decider's evolve. */
export const foldWith =
  <E extends AnyDomainEvent, S>(decider: Decider<never, E, S>) =>
  (fold: Fold<S>, recorded: RecordedEvent): Fold<S> => ({
    state: decider.evolve(fold.state, eventOfRecorded<E>(recorded)),
    revision: recorded.revision,
    lastHash: metadataOf(recorded).hash,
    position: recorded.position,
  });
