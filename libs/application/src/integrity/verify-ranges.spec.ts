import fc from 'fast-check';
import { RecordedEvent } from '@thads/event-store';
import { recordCase } from '../testing/recorded-case';
import { BrokenLink, ChainVerifier } from './chain-verifier';
import { verifyInRanges } from './verify-ranges';

const WALK = recordCase([
  { step: 'receive', on: '2025-01-24' },
  { step: 'decide', on: '2025-02-03' },
  { step: 'notify', on: '2025-02-04' },
  { step: 'verify', on: '2025-02-25' },
  { step: 'classify', on: '2025-02-27', data: { class: 'withConditions' } },
  { step: 'collect', on: '2025-03-10', data: { amount: '1000' } },
  { step: 'notify', on: '2025-03-11' },
]);

type Tamper = { kind: 'edit' | 'swap' | 'delete' | 'renumber'; stream: number; at: number };

/** Three copies of a case interleaved in the given order, one of them tampered with. */
const logOf = (order: number[], tamper: Tamper | null): RecordedEvent[] => {
  const streams = [0, 1, 2].map(
    (s) => WALK.map((e) => ({ ...e, streamId: `case-s${s}`, data: { ...(e.data as object) } })) as RecordedEvent[],
  );
  if (tamper) {
    const events = streams[tamper.stream];
    const i = tamper.at % events.length;
    if (tamper.kind === 'edit') (events[i].data as Record<string, unknown>).note = 'sửa';
    if (tamper.kind === 'swap' && i + 1 < events.length)
      [events[i].revision, events[i + 1].revision] = [events[i + 1].revision, events[i].revision];
    if (tamper.kind === 'delete' || tamper.kind === 'renumber') {
      events.splice(i, 1);
      if (tamper.kind === 'renumber') events.forEach((e, k) => (e.revision = BigInt(k)));
    }
  }
  const cursors = [0, 0, 0];
  const log: RecordedEvent[] = [];
  for (const s of order) if (cursors[s] < streams[s].length) log.push(streams[s][cursors[s]++]);
  for (const s of [0, 1, 2]) while (cursors[s] < streams[s].length) log.push(streams[s][cursors[s]++]);
  return log.map((e, p) => ({ ...e, position: BigInt(p + 1) }));
};

const sequential = (log: RecordedEvent[]) => {
  const v = new ChainVerifier();
  const broken = log.map((e) => v.check(e)).filter((b): b is BrokenLink => b !== undefined);
  return { checked: v.checked, streams: v.streams, broken };
};

describe('verifying the log in ranges, checked apart and stitched', () => {
  it('finds exactly what one pass in position order finds, whatever the interleaving, tampering and range size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 30 }),
        fc.option(
          fc.record({
            kind: fc.constantFrom('edit', 'swap', 'delete', 'renumber'),
            stream: fc.integer({ min: 0, max: 2 }),
            at: fc.nat(20),
          }) as fc.Arbitrary<Tamper>,
        ),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 3 }),
        async (order, tamper, rangeSize, concurrency) => {
          const log = logOf(order, tamper);
          const run = async (from: bigint, to: bigint) => {
            const v = new ChainVerifier({ openStart: true });
            for (const e of log) if (e.position >= from && e.position < to) v.check(e);
            return { checked: v.checked, segments: v.segments() };
          };
          const ranged = await verifyInRanges(BigInt(log.length), run, { rangeSize, concurrency });
          const once = sequential(log);
          expect({ checked: ranged.checked, streams: ranged.streams, broken: ranged.broken }).toEqual(once);
          expect(ranged.valid).toBe(once.broken.length === 0);
          // A deleted last event leaves no trace: a chain cannot show that its own tail was cut.
          const truncated = tamper && tamper.kind !== 'edit' && tamper.at % WALK.length === WALK.length - 1;
          if (tamper && !truncated) expect(once.broken.map((b) => b.streamId)).toEqual([`case-s${tamper.stream}`]);
        },
      ),
      { numRuns: 400 },
    );
  });
});
