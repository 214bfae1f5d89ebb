import {
  reportStream,
  submissionDecider,
  SubmissionCommand,
  SubmissionEvent,
  submissionIdOf,
  SubmissionState,
} from '@thads/domain';
import { RecordedEvent } from '@thads/event-store';
import { CommandContext, metadataOf } from './envelope';
import { SubmissionConflict } from './errors';
import { StreamKind } from './write/stream-kind';

export interface SubmitResult {
  submissionId: string;
  stream: string;
  revision: number;
  appendedAt: number;
}

const streamOf = (c: Pick<SubmissionCommand, 'unitId' | 'form' | 'from' | 'to'>) =>
  reportStream(c.unitId, c.form, c.from, c.to);

/** The same request retried with its Idempotency-Key: the submission it made, nothing appended. */
const replayed = (recorded: RecordedEvent[], command: SubmissionCommand, context: CommandContext) => {
  const [last] = recorded;
  if (!last || context.idempotencyKey === undefined || metadataOf(last).idempotencyKey !== context.idempotencyKey)
    return undefined;
  const stream = streamOf(command);
  return {
    submissionId: submissionIdOf(stream, Number(last.revision)),
    stream,
    revision: Number(last.revision),
    appendedAt: Number(last.position),
  };
};

/**
 * Report streams (`report-<unit>-<form>-<from>-<to>`) for the one write path: the latest
 * submission is all the decider needs, so only it is read; appended at the revision read, so two
 * statisticians cannot both send "the first" one (a race lost is 409 report.submission-conflict).
 * A submission's event id derives from its revision (ids.ts), not from 0. The figures are built
 * by the caller's `gather` (apps/api/src/reports/submit-report.ts).
 */
export const SUBMISSION_STREAMS: StreamKind<SubmissionCommand, SubmissionEvent, SubmissionState, SubmitResult> = {
  decider: submissionDecider,
  streamOf,
  stamped: (command, today) => ({ ...command, on: today }),
  resultOf: (command, _fold, revision, position) => ({
    submissionId: command.submissionId,
    stream: streamOf(command),
    revision: Number(revision),
    appendedAt: Number(position),
  }),
  conflict: (command) => new SubmissionConflict(streamOf(command), command.form),
  attempts: 1,
  reads: 'last',
  replayed,
  firstIdIndex: (fold) => (fold.revision === 'no_stream' ? 0 : Number(fold.revision) + 1),
};

/** The id the next submission of a stream takes: its stream and the revision it will have. */
export const nextSubmissionId = (
  command: Pick<SubmissionCommand, 'unitId' | 'form' | 'from' | 'to'>,
  revision: bigint | 'no_stream',
) => submissionIdOf(streamOf(command), revision === 'no_stream' ? 0 : Number(revision) + 1);
