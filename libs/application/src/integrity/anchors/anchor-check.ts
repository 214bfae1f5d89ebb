import { LedgerEvent } from '@thads/event-store';
import { sha256Hex } from '../../hash-chain';
import { Anchor, ANCHOR_GENESIS, AnchorSummary, signedText, summaryOf } from './anchor';
import { AnchorLine } from './anchor-file';
import { AnchorShape, LeafLines, RangeLeaves } from './leaf-sink';
import { AnchorKey } from './anchor-key';
import {
  BlockDigest,
  blockCountOf,
  blockRange,
  FullBlockDigest,
  segmentDigest,
  SegmentShape,
  shapeOf,
} from './anchor-segment';
import { entryOf } from './ledger';

/**
 * What the anchors found:
 * - in the log, before an anchor: `truncated` (events missing from a block), `forged` (events
 *   more than were there), `rewritten` (as many events, their content or position changed, even
 *   with every hash recomputed), `id-edited`, `stored-at-edited`;
 * - in the anchor file: `anchor-unreadable`, `anchor-signature-invalid` (not signed by the key:
 *   edited or forged), `anchor-other-key`, `anchor-chain-broken` (a line removed, reordered or
 *   inserted), `anchor-inconsistent` (signed, but its digest is not its blocks'), `no-key`.
 */
export type AnchorFindingKind =
  | 'truncated'
  | 'forged'
  | 'rewritten'
  | 'id-edited'
  | 'stored-at-edited'
  | 'anchor-unreadable'
  | 'anchor-signature-invalid'
  | 'anchor-other-key'
  | 'anchor-chain-broken'
  | 'anchor-inconsistent'
  | 'no-key';

export interface AnchorFinding {
  kind: AnchorFindingKind;
  /** The anchor's seq, and its line in the anchor file. */
  anchor?: number;
  line?: number;
  /** The block of positions (inclusive) where the log no longer matches the anchor. */
  from?: string;
  to?: string;
  /** Events the anchor counted in that block, and events found there now. */
  expected?: number;
  found?: number;
  detail: string;
}

export interface AnchorReport {
  valid: boolean;
  keyFingerprint?: string;
  /** Anchors in the file, and those whose signature held and whose segment was checked. */
  anchors: number;
  checked: number;
  latest?: AnchorSummary;
  /** Events after the latest anchor: no anchor covers them yet (docs/integrity.md, the window). */
  window: { afterPosition: string; events: number };
  findings: AnchorFinding[];
}

interface Mismatch {
  anchor: Anchor;
  line: number;
  shape: SegmentShape;
  block: number;
  expected: number;
  found: number;
}

const EMPTY_BLOCK = sha256Hex('');
const MAX_EXPLAINED = 50;

/**
 * Checks the log against the anchor file. The file first (signatures, chain of anchors); then the
 * log's leaves, fed in position order by `thads verify --all` as its ranges are stitched (leaves
 * come with the hashes the chain check computes anyway: chain-verifier.ts); then `explain` reads
 * again only the blocks that no longer match, to name what changed there.
 */
export class AnchorCheck {
  readonly findings: AnchorFinding[] = [];
  /** Bounds as numbers too, for the per-event loop (positions past 2^53 are not expected of any store). */
  private readonly trusted: Array<{
    anchor: Anchor;
    line: number;
    shape: SegmentShape;
    after: number;
    position: number;
    blockSize: number;
  }> = [];
  private readonly mismatches: Mismatch[] = [];
  private current = 0;
  private blocks = new Map<number, BlockDigest | { count: number; digest(): string }>();
  private windowEvents = 0;
  private readonly lines: number;

  constructor(
    lines: AnchorLine[],
    private readonly key: AnchorKey | undefined,
  ) {
    this.lines = lines.length;
    if (lines.length > 0 && !key) {
      this.findings.push({
        kind: 'no-key',
        detail: 'the anchor file has anchors but there is no key file to check their signatures with',
      });
      return;
    }
    let previous: Anchor | undefined;
    for (const { line, anchor: a, error } of lines) {
      if (!a) {
        this.findings.push({
          kind: 'anchor-unreadable',
          line,
          detail: `line ${line} of the anchor file is not an anchor (${error})`,
        });
        continue;
      }
      if (a.keyFingerprint !== key!.fingerprint) {
        this.findings.push({
          kind: 'anchor-other-key',
          anchor: a.seq,
          line,
          detail: `anchor ${a.seq} names key ${a.keyFingerprint}, not ${key!.fingerprint}`,
        });
        continue;
      }
      if (!key!.verify(signedText(a), a.signature)) {
        this.findings.push({
          kind: 'anchor-signature-invalid',
          anchor: a.seq,
          line,
          detail: `anchor ${a.seq} (line ${line}): the signature does not hold, the line was edited or forged`,
        });
        continue;
      }
      const shape = shapeOf(BigInt(a.after), BigInt(a.position));
      const inBlocks = a.blocks.reduce((n, b) => n + b[0], 0);
      if (
        String(shape.blockSize) !== a.blockSize ||
        a.blocks.length !== blockCountOf(shape) ||
        segmentDigest(
          a.prevDigest,
          shape,
          a.count,
          a.blocks.map(([n, d]) => [n, d] as const),
        ) !== a.digest
      ) {
        this.findings.push({
          kind: 'anchor-inconsistent',
          anchor: a.seq,
          line,
          detail: `anchor ${a.seq} is signed but its digest is not that of its blocks`,
        });
        continue;
      }
      const expected = {
        seq: (previous?.seq ?? 0) + 1,
        after: previous?.position ?? '-1',
        prevDigest: previous?.digest ?? ANCHOR_GENESIS,
        count: (previous?.count ?? 0) + inBlocks,
      };
      if (
        a.seq !== expected.seq ||
        a.after !== expected.after ||
        a.prevDigest !== expected.prevDigest ||
        a.count !== expected.count
      ) {
        this.findings.push({
          kind: 'anchor-chain-broken',
          anchor: a.seq,
          line,
          detail: `anchor ${a.seq} (line ${line}) does not follow ${previous ? `anchor ${previous.seq}` : 'the start of the file'}: an anchor was removed, reordered or inserted`,
        });
      }
      const last = this.trusted[this.trusted.length - 1];
      // Its blocks are checked unless it overlaps an anchor already trusted (a file spliced from two).
      if (!last || Number(a.after) >= last.position)
        this.trusted.push({
          anchor: a,
          line,
          shape,
          after: Number(a.after),
          position: Number(a.position),
          blockSize: Number(a.blockSize),
        });
      previous = a;
    }
  }

  /** The segments of the anchors whose signature held, for the range checks (leaf-sink.ts). */
  shapes(): AnchorShape[] {
    return this.trusted.map(({ after, position, blockSize }) => ({ after, position, blockSize }));
  }

  /**
   * A range's share, ranges in position order: blocks hashed where the range was read, and the
   * lines of blocks its edges cut, merged in position order.
   */
  addRange({ blocks, lines, after }: RangeLeaves): void {
    let i = 0;
    for (const [anchor, block, count, digest] of blocks) {
      const first = this.trusted[anchor].after + block * this.trusted[anchor].blockSize + 1;
      let j = i;
      while (j < lines.positions.length && lines.positions[j] < first) j++;
      this.addLines(lines, i, j);
      i = j;
      while (this.current < anchor) this.close(this.current++);
      this.blocks.set(block, { count, digest: () => digest });
    }
    this.addLines(lines, i, lines.positions.length);
    this.windowEvents += after;
  }

  /** Lines [from, to) of a range: consecutive events of one block hashed as one slice of the text. */
  private addLines({ positions, ends, text }: LeafLines, from: number, to: number): void {
    let i = from;
    while (i < to) {
      const p = positions[i];
      while (this.current < this.trusted.length && p > this.trusted[this.current].position) this.close(this.current++);
      const t = this.trusted[this.current];
      if (!t) {
        this.windowEvents += to - i;
        return;
      }
      const start = i === 0 ? 0 : ends[i - 1];
      if (p <= t.after) {
        i++;
        continue;
      } // between two anchors whose chain is broken: covered by neither
      const block = Math.floor((p - t.after - 1) / t.blockSize);
      const blockEnd = Math.min(t.after + (block + 1) * t.blockSize, t.position);
      let j = i + 1;
      while (j < to && positions[j] <= blockEnd) j++;
      let digest = this.blocks.get(block);
      if (!digest) this.blocks.set(block, (digest = new BlockDigest()));
      (digest as BlockDigest).add(text.slice(start, ends[j - 1]), j - i);
      i = j;
    }
  }

  /** After the last leaf: anchors past the log's end are closed, their missing events found. */
  end(): void {
    while (this.current < this.trusted.length) this.close(this.current++);
  }

  private close(index: number): void {
    const { anchor, line, shape } = this.trusted[index];
    for (let block = 0; block < anchor.blocks.length; block++) {
      const computed = this.blocks.get(block);
      const [expected, digest] = anchor.blocks[block];
      const found = computed?.count ?? 0;
      if (found !== expected || (computed?.digest() ?? EMPTY_BLOCK) !== digest)
        this.mismatches.push({ anchor, line, shape, block, expected, found });
    }
    this.blocks = new Map();
  }

  /**
   * Names what changed in each block that no longer matches (up to 50). A count that differs says
   * truncated or forged. The same count: where the block's first event is now, against where the
   * event after the block is, tells events inserted (forged) or removed (truncated) before or
   * within it, the later ones renumbered; blocks whose events only moved join that finding. Else
   * the block's events are read again and their content, ids and storage times compared with the
   * anchor's partial digests.
   */
  async explain(read: (from: bigint, to: bigint) => AsyncIterable<LedgerEvent>): Promise<void> {
    const shifts = new Map<string, bigint | undefined>();
    const shiftOf = async (id: string, at: string, window: bigint): Promise<bigint | undefined> => {
      if (id === '') return 0n;
      const key = `${at}:${id}`;
      if (shifts.has(key)) return shifts.get(key);
      const position = BigInt(at);
      let shift: bigint | undefined;
      for await (const e of read(position > window ? position - window : 0n, position + window + 1n)) {
        if (e.id === id) {
          shift = e.position - position;
          break;
        }
      }
      shifts.set(key, shift);
      return shift;
    };
    let run: { anchor: number; block: number; shift: bigint; finding?: AnchorFinding } | undefined;
    for (const m of this.mismatches.slice(0, MAX_EXPLAINED)) {
      const [first, last] = blockRange(m.shape, m.block);
      const where = {
        anchor: m.anchor.seq,
        line: m.line,
        from: String(first),
        to: String(last),
        expected: m.expected,
        found: m.found,
      };
      const span = (a: bigint, b: bigint) =>
        `positions ${a}–${b}, before anchor ${m.anchor.seq} (position ${m.anchor.position})`;
      const push = (kind: AnchorFindingKind, detail: string): AnchorFinding => {
        const finding = { kind, ...where, detail };
        this.findings.push(finding);
        return finding;
      };
      const block = m.anchor.blocks[m.block];
      const next = m.anchor.blocks.slice(m.block + 1).find((b) => b[6] !== '');
      const window = 1000n + 2n * m.shape.blockSize;
      const shiftHere = await shiftOf(block[6], block[5], window);
      const shiftAfter = next
        ? await shiftOf(next[6], next[5], window)
        : await shiftOf(m.anchor.lastId, m.anchor.position, window);
      const follows = run && run.anchor === m.anchor.seq && run.block === m.block - 1;
      const shiftBefore = follows ? run!.shift : 0n;
      let finding: AnchorFinding | undefined;
      if (m.found !== m.expected) {
        finding =
          m.found < m.expected
            ? push('truncated', `${m.expected - m.found} event(s) missing at ${span(first, last)}`)
            : push('forged', `${m.found - m.expected} event(s) more than were written at ${span(first, last)}`);
      } else if (shiftHere !== undefined && shiftHere !== shiftBefore) {
        const n = shiftHere - shiftBefore;
        finding =
          n > 0n
            ? push(
                'forged',
                `${n} event(s) inserted just before position ${first}, the later ones moved up (${span(first, last)})`,
              )
            : push(
                'truncated',
                `${-n} event(s) removed just before position ${first}, the later ones renumbered (${span(first, last)})`,
              );
      } else if (shiftHere !== undefined && shiftAfter !== undefined && shiftAfter !== shiftHere) {
        const n = shiftAfter - shiftHere;
        finding =
          n > 0n
            ? push('forged', `${n} event(s) inserted at ${span(first, last)}, the later ones moved up`)
            : push('truncated', `${-n} event(s) removed at ${span(first, last)}, the later ones renumbered`);
      } else if (shiftHere !== undefined && shiftHere !== 0n && follows && run!.finding) {
        // Only moved by what was inserted or removed before: part of that finding.
        finding = run!.finding;
        finding.to = String(last);
      } else {
        const full = new FullBlockDigest();
        for await (const e of read(first, last + 1n)) full.add(entryOf(e, e.storedAt));
        const [, , content, id, time] = full.stored();
        const before = this.findings.length;
        if (content !== block[2])
          finding = push('rewritten', `event content or position changed at ${span(first, last)}`);
        if (id !== block[3]) finding = push('id-edited', `event id changed at ${span(first, last)}`);
        if (time !== block[4]) finding = push('stored-at-edited', `storage time changed at ${span(first, last)}`);
        if (this.findings.length === before) finding = push('rewritten', `the events changed at ${span(first, last)}`);
      }
      run = { anchor: m.anchor.seq, block: m.block, shift: shiftAfter ?? shiftHere ?? 0n, finding };
    }
    if (this.mismatches.length > MAX_EXPLAINED) {
      this.findings.push({
        kind: 'rewritten',
        detail: `… and ${this.mismatches.length - MAX_EXPLAINED} more blocks that no longer match their anchor`,
      });
    }
  }

  report(): AnchorReport {
    const latest = this.trusted[this.trusted.length - 1]?.anchor;
    return {
      valid: this.findings.length === 0 && this.mismatches.length === 0,
      ...(this.key ? { keyFingerprint: this.key.fingerprint } : {}),
      anchors: this.lines,
      checked: this.trusted.length,
      ...(latest ? { latest: summaryOf(latest) } : {}),
      window: { afterPosition: latest?.position ?? '-1', events: this.windowEvents },
      findings: this.findings,
    };
  }
}
