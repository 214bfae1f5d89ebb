import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { chainHash, GENESIS_HASH, sha256Hex } from './hash-chain';

// The definition every stored hash was computed with: keys sorted, undefined dropped. A faster
// canonicalJson must give these very bytes, or every stored chain would stop verifying.
const definition = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : definition(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts = Object.keys(record)
    .sort()
    .filter((k) => record[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${definition(record[k])}`);
  return `{${parts.join(',')}}`;
};

describe('canonical JSON, the input of every event hash', () => {
  it('gives the same bytes as its definition for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => canonicalJson(value) === definition(value)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.object({ values: [fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined)] }),
        (value) => canonicalJson(value) === definition(value),
      ),
      { numRuns: 500 },
    );
  });

  it('keeps the hash of a known event (a golden vector computed before any optimisation)', () => {
    const metadata = {
      schemaVersion: 1,
      on: '2025-01-24',
      recordedAt: '2025-01-24T03:00:00.000Z',
      actor: { id: 'chv-07', role: 'enforcer', unitId: 'kg-pq' },
      commandId: 'c-1',
      correlationId: 'c-1',
      prevHash: GENESIS_HASH,
    };
    expect(
      chainHash(
        GENESIS_HASH,
        'MoneyCollected',
        { caseId: 'h-1', amount: '228188311000', note: 'Thu đợt 1 "x"' },
        metadata,
      ),
    ).toBe('66a96c3e8f35bed21129f6e0cf68318c5a71ed505c2ebe6f64847b8b067ffe85');
  });

  it('hashes any JSON data and metadata as the definition does, keys sorted or not', () => {
    // Sorted keys take the fast path (JSON.stringify), others the canonicalJson one: both must
    // give the definition's bytes. Integer-like keys and escapes are among what fast-check makes.
    const sorted = (v: unknown): unknown =>
      v === null || typeof v !== 'object'
        ? v
        : Array.isArray(v)
          ? v.map(sorted)
          : Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
            );
    const defined = (prevHash: string, type: string, data: unknown, metadata: object) =>
      sha256Hex(definition({ prevHash, type, data, metadata }));
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.jsonValue(),
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.boolean(),
        (prevHash, type, data, metadata, sort) => {
          const [d, m] = sort ? [sorted(data), sorted(metadata) as object] : [data, metadata];
          return chainHash(prevHash, type, d, m) === defined(prevHash, type, d, m);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
