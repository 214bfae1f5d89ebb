import {
  AllStreamResolvedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  ReadPosition,
  ResolvedEvent,
  START,
  StreamingRead,
  StreamNotFoundError,
} from '@eventstore/db-client';
import { commitOf } from './esdb-events';
import { PreparePositions } from './prepare-positions';

/**
 * Every item of one bounded read. Stopping early (or an abort) cancels the gRPC call: otherwise
 * the server would hold the rest of the page against flow control and the call would stay open.
 */
async function* drain<E>(read: StreamingRead<E>, signal?: AbortSignal): AsyncGenerator<E> {
  const abort = () => read.destroy();
  signal?.addEventListener('abort', abort);
  let complete = false;
  try {
    for await (const item of read) yield item;
    complete = true;
  } finally {
    signal?.removeEventListener('abort', abort);
    if (!complete) await read.cancel().catch(() => undefined);
  }
}

export interface StreamPaging {
  backwards: boolean;
  from?: bigint;
  maxCount: number;
  pageSize: number;
}

/** A stream read as requests of at most `pageSize` events; a missing stream reads as empty. */
export async function* streamPages(
  client: EventStoreDBClient,
  streamId: string,
  paging: StreamPaging,
): AsyncGenerator<ResolvedEvent> {
  const direction = paging.backwards ? BACKWARDS : FORWARDS;
  let from: bigint | typeof START | typeof END = paging.from ?? (paging.backwards ? END : START);
  let left = paging.maxCount;
  while (left > 0) {
    const want = Math.min(paging.pageSize, left);
    let got = 0;
    let last: bigint | undefined;
    try {
      for await (const resolved of drain(
        client.readStream(streamId, { fromRevision: from, direction, maxCount: want }),
      )) {
        got += 1;
        last = resolved.event?.revision;
        yield resolved;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return;
      throw error;
    }
    left -= got;
    if (got < want || last === undefined || (paging.backwards && last === 0n)) return;
    from = paging.backwards ? last - 1n : last + 1n;
  }
}

export interface AllPaging {
  backwards: boolean;
  from?: bigint;
  /** Skip events at this position and beyond it in the reading direction (already seen, or excluded). */
  skipThrough?: bigint;
  pageSize: number;
  firstPage?: number;
  signal?: AbortSignal;
}

export interface AllItem {
  resolved: AllStreamResolvedEvent;
  position: bigint;
}

/**
 * $all as requests of at most `pageSize` events, system events included (the caller filters, and
 * counts only what it keeps). Each page starts at the last position seen and skips through it, which
 * is right whether the server includes the start position (forwards) or not (backwards).
 */
export async function* allPages(
  client: EventStoreDBClient,
  positions: PreparePositions,
  paging: AllPaging,
): AsyncGenerator<AllItem> {
  const direction = paging.backwards ? BACKWARDS : FORWARDS;
  let from: ReadPosition = paging.from === undefined ? (paging.backwards ? END : START) : positions.of(paging.from);
  let skip = paging.skipThrough;
  let want = paging.firstPage ?? paging.pageSize;
  for (;;) {
    let got = 0;
    let last: bigint | undefined;
    for await (const resolved of drain(
      client.readAll({ fromPosition: from, direction, maxCount: want }),
      paging.signal,
    )) {
      got += 1;
      const position = commitOf(resolved, positions);
      last = position;
      if (skip !== undefined && (paging.backwards ? position >= skip : position <= skip)) continue;
      yield { resolved, position };
    }
    if (got < want || last === undefined) return;
    from = positions.of(last);
    skip = last;
    want = paging.pageSize;
  }
}
