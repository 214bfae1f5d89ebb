import { AnyDomainEvent } from '@thads/domain';
import { StreamWrite } from '@thads/event-store';
import { localDateInVietnam } from '../clock';
import { CommandContext, envelope, EventMetadata } from '../envelope';
import { eventIdFor } from '../ids';
import { Fold, StreamKind } from './stream-kind';

export interface Prepared<S, E> {
  write: StreamWrite;
  /** The fold as it will be once the write is appended. */
  next: Fold<S>;
  events: E[];
}

/**
 * The pure half of the write path: decide on the folded stream, wrap each event in its envelope
 * and chain its hash. Returns the write to append, expecting the revision folded.
 */
export const prepare = <C, E extends AnyDomainEvent, S>(
  kind: StreamKind<C, E, S, unknown>,
  fold: Fold<S>,
  command: C,
  context: CommandContext,
): Prepared<S, E> => {
  const streamId = kind.streamOf(command);
  const stamped = kind.stamped(command, localDateInVietnam(context.recordedAt));
  const events = kind.decider.decide(stamped, fold.state);
  const first = kind.firstIdIndex?.(fold) ?? 0;
  let prevHash = fold.lastHash;
  const data = events.map((event, index) => {
    const id =
      kind.eventIdOf?.(stamped, event, streamId, context) ??
      eventIdFor(streamId, context.idempotencyKey, first + index);
    const stored = envelope(event, id, context, prevHash);
    prevHash = (stored.metadata as unknown as EventMetadata).hash;
    return stored;
  });
  const base = fold.revision === 'no_stream' ? -1n : fold.revision;
  return {
    write: { streamId, events: data, expected: fold.revision },
    next: {
      state: events.reduce(kind.decider.evolve, fold.state),
      revision: base + BigInt(events.length),
      lastHash: prevHash,
    },
    events,
  };
};
