import {
  CaseCommand,
  caseDecider,
  CaseEvent,
  CaseState,
  CaseStateName,
  caseStream,
  entrustedInReceipt,
  STEP_EVENT,
  StepEventOf,
} from '@thads/domain';
import { RecordedEvent } from '@thads/event-store';
import { AccessPolicy } from './access/access-policy';
import { EMPTY_FOLD, foldRecorded, StreamFold, stateNameOfFold } from './case-fold';
import { localDateInVietnam } from './clock';
import { CommandContext, metadataOf } from './envelope';
import { IdempotencyKeyReused, RevisionConflict } from './errors';
import { eventIdFor } from './ids';
import { prepare } from './write/prepare';
import { StreamKind } from './write/stream-kind';

export interface CommandResult {
  caseId: string;
  state: CaseStateName;
  revision: number;
  position: number;
  /** True when an Idempotency-Key matched an earlier command: nothing was appended. */
  replayed?: boolean;
}

/**
 * Attempts at a command that states no expected revision: one that loses a race to another
 * writer is decided again on the case as it then stands. Bounded, so a case under a storm of
 * writers still answers (409) rather than holds the request.
 */
const ATTEMPTS = 12;

export const resultOf = (caseId: string, fold: StreamFold, revision: bigint, position: bigint): CommandResult => ({
  caseId,
  state: stateNameOfFold(fold.state)!,
  revision: Number(revision),
  position: Number(position),
});

/**
 * The first result of a command repeated with the same Idempotency-Key, if there was one. The
 * key must come with the same request: its events carry the request's fingerprint, and another
 * fingerprint is a 422. Events stored before fingerprints were kept carry none: for them only
 * the step (the event type) can be compared.
 */
const replayed = (
  recorded: RecordedEvent[],
  command: CaseCommand,
  context: CommandContext,
): CommandResult | undefined => {
  if (!context.idempotencyKey) return undefined;
  const firstId = eventIdFor(caseStream(command.caseId), context.idempotencyKey, 0);
  const at = recorded.findIndex((e) => e.id === firstId);
  if (at < 0) return undefined;
  const expectedType = command.kind === 'receive' ? 'CaseReceived' : STEP_EVENT[command.step];
  if (recorded[at].type !== expectedType)
    throw new IdempotencyKeyReused(context.idempotencyKey, `${recorded[at].type}, not ${expectedType}`);
  const stored = metadataOf(recorded[at]).requestHash;
  if (stored !== undefined && stored !== context.requestHash)
    throw new IdempotencyKeyReused(context.idempotencyKey, `${recorded[at].type} with another request body`);
  const fold = recorded.slice(0, at + 1).reduce(foldRecorded, EMPTY_FOLD);
  return { ...resultOf(command.caseId, fold, recorded[at].revision, recorded[at].position), replayed: true };
};

/**
 * An entrustment and the receiving unit's new case (Luật THADS Điều 55–57) are appended together,
 * so neither exists without the other where the store is transactional (SQLite, PostgreSQL). The
 * receiving unit was checked in the registry before.
 */
export const entrustedInOf = (fold: StreamFold, events: CaseEvent[], context: CommandContext) => {
  const entrusted = events.find((e): e is StepEventOf<'entrust'> => e.type === 'CaseEntrusted');
  if (!entrusted || fold.state.status !== 'known') return undefined;
  const receipt = entrustedInReceipt(fold.state, entrusted, localDateInVietnam(context.recordedAt));
  return prepare(CASE_STREAMS, EMPTY_FOLD, receipt, context);
};

/** Case streams (`case-<id>`) for the one write path: the case decider and its answers. */
export const CASE_STREAMS: StreamKind<CaseCommand, CaseEvent, CaseState, CommandResult> = {
  decider: caseDecider,
  streamOf: (command) => caseStream(command.caseId),
  stamped: (command, today) => ({ ...command, today }),
  resultOf: (command, fold, revision, position) => resultOf(command.caseId, fold, revision, position),
  conflict: (command, current, expected) => new RevisionConflict(command.caseId, current, expected ?? null),
  attempts: ATTEMPTS,
  reads: 'stream',
  queued: true,
  fingerprinted: true,
  replayed,
  alongside: (fold, events, context) => entrustedInOf(fold, events, context)?.write,
};

/** Case streams judged by an access policy: who may act is judged on the case as it stands, before anything. */
export const caseStreamsUnder = (
  access: AccessPolicy,
): StreamKind<CaseCommand, CaseEvent, CaseState, CommandResult> => ({
  ...CASE_STREAMS,
  check: async (command, fold, context) => {
    await access.assertMayExecute(context.actor, command, fold.state, localDateInVietnam(context.recordedAt));
    return command;
  },
});
