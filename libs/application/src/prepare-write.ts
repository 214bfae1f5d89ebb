import { caseDecider, CaseCommand, caseStream } from '@thads/domain';
import { StreamWrite } from '@thads/event-store';
import { CommandContext, envelope, EventMetadata } from './envelope';
import { FoldedCase, foldDomain } from './case-fold';
import { eventIdFor } from './ids';
import { localDateInVietnam } from './clock';

/**
 * The pure half of the write path: decide on the folded case, wrap each event in its envelope
 * and chain its hash. Returns the write to append and the fold as it will be once appended.
 */
export const prepareWrite = (fold: FoldedCase, command: CaseCommand, context: CommandContext): { write: StreamWrite; next: FoldedCase } => {
  const streamId = caseStream(command.caseId);
  const events = caseDecider.decide({ ...command, today: localDateInVietnam(context.recordedAt) }, fold.state);
  let prevHash = fold.lastHash;
  const data = events.map((event, index) => {
    const stored = envelope(event, eventIdFor(streamId, context.idempotencyKey, index), context, prevHash);
    prevHash = (stored.metadata as unknown as EventMetadata).hash;
    return stored;
  });
  const base = fold.revision === 'no_stream' ? -1n : fold.revision;
  return {
    write: { streamId, events: data, expected: fold.revision },
    next: { state: foldDomain(fold.state, events), revision: base + BigInt(events.length), lastHash: prevHash },
  };
};
