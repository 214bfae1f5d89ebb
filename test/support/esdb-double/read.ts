import { status } from '@grpc/grpc-js';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { EventLog } from './event-log';
import { readEvent, streamName, streamNotFound } from './messages';
import { isGone, ReadCall, send } from './send';
import { Subscriptions } from './subscriptions';

const { RevisionOptionCase } = ReadReq.Options.StreamOptions;
const { AllOptionCase } = ReadReq.Options.AllOptions;
const BACKWARDS = ReadReq.Options.ReadDirection.BACKWARDS;

/** Indexes to visit, in order: forwards from `from` up, or backwards from `from` down. */
function* walk(from: number, length: number, backwards: boolean, count: bigint): Generator<number> {
  let left = count;
  for (let i = from; left > 0n && i >= 0 && i < length; i += backwards ? -1 : 1, left -= 1n) yield i;
}

function* streamRead(log: EventLog, options: ReadReq.Options): Generator<ReadResp> {
  const stream = options.getStream()!;
  const name = streamName(stream.getStreamIdentifier());
  const events = log.stream(name);
  if (!events) return yield streamNotFound(name); // a message, not a gRPC error: the client throws StreamNotFoundError
  const backwards = options.getReadDirection() === BACKWARDS;
  const length = events.length; // a read sees the stream as it was when it began
  const last = length - 1;
  const from =
    stream.getRevisionOptionCase() === RevisionOptionCase.REVISION
      ? Number(stream.getRevision())
      : stream.getRevisionOptionCase() === RevisionOptionCase.END
        ? backwards
          ? last
          : length
        : 0;
  const start = backwards ? Math.min(from, last) : from;
  for (const i of walk(start, length, backwards, BigInt(options.getCount()))) yield readEvent(events[i]);
}

/** Forwards from a position includes the event there; backwards from it starts before it, as the server does. */
function* allRead(log: EventLog, options: ReadReq.Options): Generator<ReadResp> {
  const all = options.getAll()!;
  const backwards = options.getReadDirection() === BACKWARDS;
  const length = log.events.length;
  let from: number;
  switch (all.getAllOptionCase()) {
    case AllOptionCase.POSITION: {
      const index = log.indexAfter(BigInt(all.getPosition()!.getCommitPosition()), true);
      from = backwards ? index - 1 : index;
      break;
    }
    case AllOptionCase.END:
      from = backwards ? length - 1 : length;
      break;
    default:
      from = backwards ? -1 : 0;
  }
  for (const i of walk(from, length, backwards, BigInt(options.getCount()))) yield readEvent(log.events[i]);
}

/** Streams.Read: a bounded read of a stream or of $all, or a subscription (`subscription` option). */
export const readHandler =
  (log: EventLog, subscriptions: Subscriptions) =>
  async (call: ReadCall): Promise<void> => {
    const options = call.request.getOptions();
    if (!options) return void call.emit('error', { code: status.INVALID_ARGUMENT, details: 'read without options' });
    if (options.hasSubscription()) {
      if (options.hasAll()) return subscriptions.subscribeToAll(call, options);
      return void call.emit('error', {
        code: status.UNIMPLEMENTED,
        details: 'the test double serves $all subscriptions only',
      });
    }
    const messages = options.hasStream() ? streamRead(log, options) : allRead(log, options);
    for (const message of messages) if (!(await send(call, message))) return;
    if (!isGone(call)) call.end();
  };
