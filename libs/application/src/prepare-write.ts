import { caseDecider, CaseCommand, CaseEvent, caseStream, entrustedInReceipt, StepEventOf } from '@thads/domain';
import { StreamWrite } from '@thads/event-store';
import { CommandContext, envelope, EventMetadata } from './envelope';
import { EMPTY_FOLD, StreamFold, foldDomain } from './case-fold';
import { eventIdFor } from './ids';
import { localDateInVietnam } from './clock';

export interface PreparedWrite {
  write: StreamWrite;
  next: StreamFold;
  events: CaseEvent[];
}

/**
 * The pure half of the write path: decide on the folded case, wrap each event in its envelope
 * and chain its hash. Returns the write to append and the fold as it will be once appended.
 */
export const prepareWrite = (fold: StreamFold, command: CaseCommand, context: CommandContext): PreparedWrite => {
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
    events,
  };
};

/**
 * The writes of one command: its case's, and for an entrustment the receiving unit's new case
 * (Luật THADS Điều 55–57), appended together so neither exists without the other where the store
 * is transactional (SQLite, PostgreSQL). The receiving unit was checked in the registry before.
 */
export const prepareWrites = (
  fold: StreamFold,
  command: CaseCommand,
  context: CommandContext,
): { own: PreparedWrite; entrustedIn?: PreparedWrite } => {
  const own = prepareWrite(fold, command, context);
  const entrusted = own.events.find((e): e is StepEventOf<'entrust'> => e.type === 'CaseEntrusted');
  if (!entrusted || fold.state.status !== 'known') return { own };
  const receipt = entrustedInReceipt(fold.state, entrusted, localDateInVietnam(context.recordedAt));
  return { own, entrustedIn: prepareWrite(EMPTY_FOLD, receipt, context) };
};
