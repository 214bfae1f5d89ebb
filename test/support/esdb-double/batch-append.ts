import { ServerDuplexStream, status } from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { AllStreamPosition, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import { Current, EventLog, Expected, Proposed } from './event-log';
import { proposed, streamIdentifier, streamName, uuid } from './messages';

const { ExpectedStreamPositionCase: Case } = BatchAppendReq.Options;

const expectedOf = (options: BatchAppendReq.Options): Expected => {
  switch (options.getExpectedStreamPositionCase()) {
    case Case.STREAM_POSITION:
      return BigInt(options.getStreamPosition());
    case Case.NO_STREAM:
      return 'no_stream';
    case Case.STREAM_EXISTS:
      return 'stream_exists';
    default:
      return 'any';
  }
};

/**
 * A conflict is a google.rpc.Status whose `details` is an Any packing
 * event_store.client.WrongExpectedVersion: the client's unpackError.js calls
 * `details.getTypeName()` and unpacks by that name (without details it crashes).
 */
const conflict = (current: Current, expected: Expected): Status => {
  const wrong = new WrongExpectedVersion();
  if (current === 'no_stream') wrong.setCurrentNoStream(new Empty());
  else wrong.setCurrentStreamRevision(current.toString());
  if (expected === 'any') wrong.setExpectedAny(new Empty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
  else if (expected === 'no_stream') wrong.setExpectedNoStream(new Empty());
  else wrong.setExpectedStreamPosition(expected.toString());
  const details = new Any();
  details.pack(wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  return new Status().setCode(Code.FAILED_PRECONDITION).setMessage('Wrong expected version.').setDetails(details);
};

const echoExpected = (resp: BatchAppendResp, expected: Expected): BatchAppendResp => {
  if (expected === 'any') return resp.setAny(new Empty());
  if (expected === 'stream_exists') return resp.setStreamExists(new Empty());
  if (expected === 'no_stream') return resp.setNoStream(new Empty());
  return resp.setStreamPosition(expected.toString());
};

interface Pending {
  options: BatchAppendReq.Options;
  events: Proposed[];
}

/**
 * Fault injection: the next `count` writes end the BatchAppend call with UNAVAILABLE, before or
 * after being stored; the next `unanswered` writes are received and neither stored nor answered,
 * as a write sent on a call the client's channel already lost.
 */
export interface AppendFaults {
  count: number;
  afterWrite: boolean;
  unanswered: number;
}

/**
 * Streams.BatchAppend: one long-lived bidirectional call per client. A write may span several
 * requests sharing a correlation id (options in the first, `is_final` on the last); the answer
 * echoes the correlation id, the stream and the expectation.
 */
export const batchAppendHandler =
  (log: EventLog, faults: AppendFaults) =>
  (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void => {
    const pending = new Map<string, Pending>();
    call.on('data', (req: BatchAppendReq) => {
      const correlation = req.getCorrelationId()?.getString() ?? '';
      const options = req.getOptions();
      const write = pending.get(correlation) ?? (options ? { options, events: [] } : undefined);
      if (!write) return;
      write.events.push(...req.getProposedMessagesList().map(proposed));
      if (!req.getIsFinal()) return void pending.set(correlation, write);
      pending.delete(correlation);
      const name = streamName(write.options.getStreamIdentifier());
      const expected = expectedOf(write.options);
      if (faults.unanswered > 0) return void faults.unanswered--;
      const fail = faults.count > 0 ? (faults.count--, true) : false;
      if (fail && !faults.afterWrite)
        return void call.emit('error', { code: status.UNAVAILABLE, details: 'test double: append dropped' });
      const outcome = log.append(name, expected, write.events);
      if (fail) return void call.emit('error', { code: status.UNAVAILABLE, details: 'test double: answer dropped' });
      const resp = echoExpected(
        new BatchAppendResp().setCorrelationId(uuid(correlation)).setStreamIdentifier(streamIdentifier(name)),
        expected,
      );
      if (outcome.ok) {
        const position = new AllStreamPosition()
          .setCommitPosition(outcome.position.toString())
          .setPreparePosition(outcome.position.toString());
        const success = new BatchAppendResp.Success().setPosition(position);
        if (outcome.revision < 0n) success.setNoStream(new Empty());
        else success.setCurrentRevision(outcome.revision.toString());
        resp.setSuccess(success);
      } else {
        resp.setError(conflict(outcome.current, expected));
      }
      call.write(resp);
    });
    call.on('error', () => undefined); // the client cancels this call on dispose()
    call.on('end', () => call.end());
  };
