import { RecordedEvent, EventStore } from '@thads/event-store';
import { BrokenLink, ChainVerifier } from './chain-verifier';

export interface StreamVerification {
  streamId: string;
  valid: boolean;
  /** Events read, including those after a break. */
  checked: number;
  firstBroken?: BrokenLink;
}

export interface LogVerification {
  valid: boolean;
  checked: number;
  streams: number;
  /** How many streams are broken; only the first `maxReported` are listed. */
  brokenStreams: number;
  firstBroken?: BrokenLink;
  broken: BrokenLink[];
}

/** Events already in memory (the history page checks what it shows). */
export const verifyEvents = (streamId: string, events: Iterable<RecordedEvent>): StreamVerification => {
  const verifier = new ChainVerifier();
  let firstBroken: BrokenLink | undefined;
  for (const e of events) {
    const link = verifier.check(e);
    firstBroken ??= link;
  }
  return { streamId, valid: !firstBroken, checked: verifier.checked, ...(firstBroken ? { firstBroken } : {}) };
};

/** One stream, read by revision as every fold reads it. */
export const verifyStream = async (store: EventStore, streamId: string): Promise<StreamVerification> => {
  const verifier = new ChainVerifier();
  let firstBroken: BrokenLink | undefined;
  for await (const e of store.readStream(streamId)) {
    const link = verifier.check(e);
    firstBroken ??= link;
  }
  return { streamId, valid: !firstBroken, checked: verifier.checked, ...(firstBroken ? { firstBroken } : {}) };
};

/**
 * The whole log, streamed from `$all` in position order (the store pages it), every stream's
 * chain checked side by side. `onProgress` is called every `progressEvery` events.
 */
export const verifyAll = async (
  store: EventStore,
  options: {
    onProgress?: (checked: number, position: bigint) => void;
    progressEvery?: number;
    maxReported?: number;
  } = {},
): Promise<LogVerification> => {
  const verifier = new ChainVerifier();
  const broken: BrokenLink[] = [];
  const every = options.progressEvery ?? 5000;
  const maxReported = options.maxReported ?? 100;
  let brokenStreams = 0;
  for await (const e of store.readAll()) {
    const link = verifier.check(e);
    if (link && brokenStreams++ < maxReported) broken.push(link);
    if (verifier.checked % every === 0) options.onProgress?.(verifier.checked, e.position);
  }
  return {
    valid: brokenStreams === 0,
    checked: verifier.checked,
    streams: verifier.streams,
    brokenStreams,
    ...(broken.length ? { firstBroken: broken[0] } : {}),
    broken,
  };
};
