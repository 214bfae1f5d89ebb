import { sendUnaryData, ServerReadableStream, status } from '@grpc/grpc-js';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb';
import { Current, EventLog, Expected, Proposed } from './event-log';
import { proposed, streamName } from './messages';

const { ExpectedStreamRevisionCase: Case } = AppendReq.Options;

const expectedOf = (options: AppendReq.Options): Expected => {
  switch (options.getExpectedStreamRevisionCase()) {
    case Case.REVISION:
      return BigInt(options.getRevision());
    case Case.NO_STREAM:
      return 'no_stream';
    case Case.STREAM_EXISTS:
      return 'stream_exists';
    default:
      return 'any';
  }
};

/**
 * A conflict is a normal AppendResp carrying `wrong_expected_version`, not a gRPC error: the
 * client's append.js reads hasCurrentRevision/hasExpected* from it. The 20.6.0 fields are set too,
 * as the server does, for older clients.
 */
const wrongExpectedVersion = (current: Current, expected: Expected): AppendResp => {
  const wrong = new AppendResp.WrongExpectedVersion();
  if (current === 'no_stream') wrong.setCurrentNoStream(new Empty()).setNoStream2060(new Empty());
  else wrong.setCurrentRevision(current.toString()).setCurrentRevision2060(Number(current));
  if (expected === 'any') wrong.setExpectedAny(new Empty()).setAny2060(new Empty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new Empty()).setStreamExists2060(new Empty());
  else if (expected === 'no_stream') wrong.setExpectedNoStream(new Empty());
  else wrong.setExpectedRevision(expected.toString()).setExpectedRevision2060(Number(expected));
  return new AppendResp().setWrongExpectedVersion(wrong);
};

const success = (revision: bigint, position: bigint): AppendResp => {
  const result = new AppendResp.Success();
  if (revision < 0n) result.setNoStream(new Empty());
  else result.setCurrentRevision(revision.toString());
  result.setPosition(
    new AppendResp.Position().setCommitPosition(position.toString()).setPreparePosition(position.toString()),
  );
  return new AppendResp().setSuccess(result);
};

/** Streams.Append: one options message, then the proposed events, then the client half-closes. */
export const appendHandler =
  (log: EventLog) =>
  (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void => {
    let options: AppendReq.Options | undefined;
    const events: Proposed[] = [];
    call.on('data', (req: AppendReq) => {
      if (req.hasOptions()) options = req.getOptions();
      else if (req.hasProposedMessage()) events.push(proposed(req.getProposedMessage()!));
    });
    call.on('error', () => undefined); // a cancelled append writes nothing
    call.on('end', () => {
      if (!options) return callback({ code: status.INVALID_ARGUMENT, details: 'append without options' });
      const expected = expectedOf(options);
      const outcome = log.append(streamName(options.getStreamIdentifier()), expected, events);
      callback(
        null,
        outcome.ok ? success(outcome.revision, outcome.position) : wrongExpectedVersion(outcome.current, expected),
      );
    });
  };
