import { EventEmitter } from 'node:events';

/** One event as the double stores it: the bytes the client sent, plus what the server adds. */
export interface StoredEvent {
  id: string;
  streamName: string;
  revision: bigint;
  /** Commit = prepare: gRPC writes are never explicit transactions, so both name the same record. */
  position: bigint;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
  /** Unix-epoch ticks (ms × 10 000), which the client turns into `created: Date`. */
  created: bigint;
}

export type Proposed = Pick<StoredEvent, 'id' | 'type' | 'contentType' | 'data' | 'customMetadata'>;
export type Expected = bigint | 'no_stream' | 'stream_exists' | 'any';
export type Current = bigint | 'no_stream';
export type AppendOutcome = { ok: true; revision: bigint; position: bigint } | { ok: false; current: Current };

/**
 * The server's transaction log, in memory. Positions grow by a made-up record size, as the real
 * byte offsets do, so that nothing can pass by assuming they are consecutive.
 */
export class EventLog {
  readonly events: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly appended = new EventEmitter();
  private next = 64n;

  constructor() {
    this.appended.setMaxListeners(0);
  }

  stream(name: string): StoredEvent[] | undefined {
    return this.streams.get(name);
  }

  current(name: string): Current {
    const stream = this.streams.get(name);
    return stream ? stream[stream.length - 1].revision : 'no_stream';
  }

  append(streamName: string, expected: Expected, proposed: Proposed[]): AppendOutcome {
    const current = this.current(streamName);
    const repeated = this.repeated(streamName, expected, proposed);
    if (repeated) return repeated;
    const fits =
      expected === 'any' ||
      (expected === 'no_stream'
        ? current === 'no_stream'
        : expected === 'stream_exists'
          ? current !== 'no_stream'
          : current === expected);
    if (!fits) return { ok: false, current };
    if (proposed.length === 0)
      return { ok: true, revision: current === 'no_stream' ? -1n : current, position: this.head() };
    return this.write(streamName, current, proposed);
  }

  /** Index of the first event after `position` (exclusive), or at it (inclusive). */
  indexAfter(position: bigint, inclusive = false): number {
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const p = this.events[mid].position;
      if (p < position || (!inclusive && p === position)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  onAppend(listener: () => void): () => void {
    this.appended.on('append', listener);
    return () => this.appended.off('append', listener);
  }

  private head(): bigint {
    return this.events.length ? this.events[this.events.length - 1].position : 0n;
  }

  /**
   * The server de-duplicates by event id: the same ids where this write would have put them
   * (after the expected revision; for `any`/`stream_exists` wherever the first id sits) answer
   * with the first write's result and write nothing.
   */
  private repeated(streamName: string, expected: Expected, proposed: Proposed[]): AppendOutcome | undefined {
    const stream = this.streams.get(streamName);
    if (!stream || proposed.length === 0) return undefined;
    const start =
      typeof expected === 'bigint'
        ? Number(expected) + 1
        : expected === 'no_stream'
          ? 0
          : stream.findIndex((e) => e.id === proposed[0].id);
    if (start < 0 || start + proposed.length > stream.length) return undefined;
    if (!proposed.every((p, i) => stream[start + i].id === p.id)) return undefined;
    const last = stream[start + proposed.length - 1];
    return { ok: true, revision: last.revision, position: last.position };
  }

  private write(streamName: string, current: Current, proposed: Proposed[]): AppendOutcome {
    const stream = this.streams.get(streamName) ?? [];
    this.streams.set(streamName, stream);
    let revision = current === 'no_stream' ? -1n : current;
    const created = BigInt(Date.now()) * 10_000n;
    for (const p of proposed) {
      revision += 1n;
      const event: StoredEvent = { ...p, streamName, revision, position: this.next, created };
      this.next += BigInt(96 + p.data.length + p.customMetadata.length + p.type.length + streamName.length);
      stream.push(event);
      this.events.push(event);
    }
    this.appended.emit('append');
    const last = stream[stream.length - 1];
    return { ok: true, revision: last.revision, position: last.position };
  }
}
