import { recordedOf, RecordedEvent, StoredEventRow } from '@thads/event-store';
import { canonicalJson } from '../canonical-json';
import { chainHash, sha256Hex } from '../hash-chain';
import { recordCase } from '../testing/recorded-case';
import { BrokenLink, ChainVerifier } from './chain-verifier';
import { storedTextLinks } from './stored-hash';

const WALK = recordCase([
  { step: 'receive', on: '2025-01-24' },
  { step: 'decide', on: '2025-02-03' },
  { step: 'notify', on: '2025-02-04' },
  { step: 'verify', on: '2025-02-25' },
  { step: 'classify', on: '2025-02-27', data: { class: 'withConditions' } },
  { step: 'collect', on: '2025-03-10', data: { amount: '1000', note: 'Thu đợt 1 "tiền mặt"' } },
  { step: 'notify', on: '2025-03-11' },
]);

/** Each event as SQLite stores it: envelope.ts sorted the keys, JSON.stringify wrote them so. */
const STORED: StoredEventRow[] = WALK.map((e) => [
  Number(e.position),
  e.id,
  e.streamId,
  Number(e.revision),
  e.type,
  JSON.stringify(e.data),
  JSON.stringify(e.metadata),
  '2026-01-10T03:00:00.000Z',
]);
const AT = 5; // the MoneyCollected event
const withText = (at: number, data: string, metadata: string): StoredEventRow[] =>
  STORED.map((r, i) => (i === at ? [r[0], r[1], r[2], r[3], r[4], data, metadata, r[7]] : r));

/** The metadata as envelopes wrote it before keys were sorted: `hash` last. */
const oldOrder = (e: RecordedEvent): string => {
  const {
    schemaVersion,
    on,
    recordedAt,
    actor,
    commandId,
    correlationId,
    causationId,
    idempotencyKey,
    prevHash,
    hash,
  } = e.metadata as Record<string, unknown>;
  const { id, role, unitId } = actor as Record<string, unknown>;
  return JSON.stringify({
    schemaVersion,
    on,
    recordedAt,
    actor: { unitId, role, id },
    commandId,
    correlationId,
    causationId,
    idempotencyKey,
    prevHash,
    hash,
  });
};
const reversedKeys = (text: string) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(text)).reverse()));

/** The stream checked from its stored text and, as before the fast path, from parsed events: the same verdicts. */
const verdicts = (rows: StoredEventRow[]) => {
  const fast = new ChainVerifier();
  const broken = rows.map((r) => fast.checkStored(r, recordedOf)).filter((b): b is BrokenLink => b !== undefined);
  const slow = new ChainVerifier();
  expect(broken).toEqual(rows.map((r) => slow.check(recordedOf(r))).filter((b): b is BrokenLink => b !== undefined));
  expect(fast.checked).toBe(slow.checked);
  return { broken, fastChecked: fast.fastChecked };
};

const parses = (...texts: string[]) =>
  texts.every((t) => {
    try {
      JSON.parse(t);
      return true;
    } catch {
      return false;
    }
  });

describe('verifying events from their stored text (the fast path)', () => {
  it('hashes canonical stored text as it stands, without parsing it', () => {
    for (const [row, e] of STORED.map((r, i) => [r, WALK[i]] as const)) {
      const m = e.metadata as { prevHash: string; hash: string };
      expect(storedTextLinks(row[4], row[5], row[6])).toEqual({ prevHash: m.prevHash, hash: m.hash });
    }
    const verifier = new ChainVerifier();
    const notParsed = (): RecordedEvent => {
      throw new Error('parsed');
    };
    expect(STORED.map((r) => verifier.checkStored(r, notParsed)).filter(Boolean)).toEqual([]);
    expect(verifier.fastChecked).toBe(STORED.length);
  });

  it('verifies text stored with unsorted keys (events written before) by parsing it', () => {
    const old: StoredEventRow[] = STORED.map((r, i) => [
      r[0],
      r[1],
      r[2],
      r[3],
      r[4],
      reversedKeys(r[5]),
      oldOrder(WALK[i]),
      r[7],
    ]);
    for (const r of old) expect(storedTextLinks(r[4], r[5], r[6])).toBeUndefined();
    expect(verdicts(old)).toEqual({ broken: [], fastChecked: 0 });
  });

  it('reports a tampered character in data or metadata as a hash-mismatch at its revision, as the slow path does', () => {
    const [, , , , , data, metadata] = STORED[AT];
    const replacements = ['0', 'a', 'đ', '"', ',', '\\'];
    let judged = 0;
    for (const [which, text] of [
      ['data', data],
      ['metadata', metadata],
    ] as const) {
      for (let i = 0; i < text.length; i++) {
        for (const c of replacements) {
          if (text[i] === c) continue;
          const edited = text.slice(0, i) + c + text.slice(i + 1);
          const [d, m] = which === 'data' ? [edited, metadata] : [data, edited];
          const rows = withText(AT, d, m);
          // Text that is no JSON fails the read, as readAll's JSON.parse always did.
          if (!parses(d, m)) {
            expect(() => new ChainVerifier().checkStored(rows[AT], recordedOf)).toThrow(SyntaxError);
            continue;
          }
          const { broken } = verdicts(rows);
          judged++;
          expect(broken[0]).toMatchObject({ revision: AT, reason: 'hash-mismatch', eventId: WALK[AT].id });
        }
      }
    }
    expect(judged).toBeGreaterThan(1000);
  });

  it('never accepts a metadata text whose "hash" member is moved, repeated or nested', () => {
    const [, , , , type, data, metadata] = STORED[AT];
    const { hash } = WALK[AT].metadata as { hash: string };
    const member = `"hash":"${hash}"`;
    const unsigned = metadata.replace(`,${member}`, '');
    // [text, whether it is, parsed, the event that was written]: key order is not hashed, and
    // JSON.parse keeps a repeated key's last value; those verify, by parsing, as they always did.
    const variants: Record<string, [string, boolean]> = {
      moved: [unsigned.replace(/}$/, `,${member}}`), true],
      movedFirst: [unsigned.replace(/^{/, `{${member},`), true],
      repeatedEarlier: [metadata.replace(/^{/, `{"hash":"${'f'.repeat(64)}",`), true],
      repeatedLater: [metadata.replace(/}$/, `,"hash":"${'f'.repeat(64)}"}`), false],
      nested: [unsigned.replace('"actor":{', `"actor":{${member},`), false],
      inString: [unsigned.replace('"commandId":"', `"commandId":"\\",${member.replace(/"/g, '\\"')},\\"`), false],
    };
    for (const [name, [text, written]] of Object.entries(variants)) {
      expect([name, storedTextLinks(type, data, text)]).toEqual([name, undefined]);
      const { broken, fastChecked } = verdicts(withText(AT, data, text));
      if (written) expect([name, broken, fastChecked]).toEqual([name, [], STORED.length - 1]);
      else expect([name, broken, fastChecked]).toMatchObject([name, [{ revision: AT, reason: 'hash-mismatch' }], AT]);
    }
  });

  it('leaves a prevHash written with escapes to the slow path, which reads it unescaped', () => {
    // Signed as envelope.ts signs, so its own hash holds; it links to nothing, and says so alike.
    const { hash: _, ...unsigned }: Record<string, unknown> = {
      ...(WALK[AT].metadata as Record<string, unknown>),
      prevHash: 'not "a" hash',
    };
    const metadata = canonicalJson({
      ...unsigned,
      hash: chainHash('not "a" hash', WALK[AT].type, WALK[AT].data, unsigned),
    });
    expect(storedTextLinks(WALK[AT].type, STORED[AT][5], metadata)).toBeUndefined();
    expect(verdicts(withText(AT, STORED[AT][5], metadata)).broken).toMatchObject([
      { revision: AT, reason: 'prev-hash-mismatch', actual: 'not "a" hash' },
    ]);
  });

  it('cannot be fooled by a hash forged over a naive reading of the text', () => {
    // A forger who knows a text-level shortcut signs what it would hash: the first `"hash"` found
    // anywhere, removed. The fast path must still only accept what the slow path accepts.
    const [, , , , type, data, metadata] = STORED[AT];
    const { hash } = WALK[AT].metadata as { hash: string };
    const member = `"hash":"${hash}"`;
    const naivelySigned = (d: string, m: string) => {
      const found = /,?"hash":"[0-9a-f]{64}"/.exec(m)!;
      const prevHash = /"prevHash":"([0-9a-f]{64})"/.exec(m)![1];
      const forged = sha256Hex(
        `{"data":${d},"metadata":${m.slice(0, found.index) + m.slice(found.index + found[0].length)},"prevHash":"${prevHash}","type":${JSON.stringify(type)}}`,
      );
      return m.replace(hash, forged);
    };
    const unsigned = metadata.replace(`,${member}`, '');
    for (const [d, m] of [
      [data, metadata.replace(/}$/, `,"hash":"${'f'.repeat(64)}"}`)], // an extra one, last: JSON.parse reads that one
      [data, unsigned.replace('"actor":{', `"actor":{${member},`)], // only a nested one
      [data, metadata.replace('"on":', ' "on":')], // whitespace
      [reversedKeys(data), metadata], // data keys not sorted
      [data.replace('"amount":"1000"', '"amount":"1000","amount":"1000"'), metadata], // a repeated key
    ]) {
      const signed = naivelySigned(d, m);
      const links = storedTextLinks(type, d, signed);
      const slow = new ChainVerifier().check(recordedOf(withText(AT, d, signed)[AT]));
      expect(links === undefined || slow === undefined).toBe(true);
      expect(links).toBeUndefined();
    }
  });
});
