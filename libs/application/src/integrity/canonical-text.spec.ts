import fc from 'fast-check';
import { canonicalJson } from '../canonical-json';
import { canonicalObjectMembers, isCanonicalJson } from './canonical-text';

/** What a yes must mean: the text is valid JSON and canonicalJson prints exactly it again. */
const reprints = (text: string): boolean => {
  try {
    return canonicalJson(JSON.parse(text)) === text;
  } catch {
    return false;
  }
};

const anyJson = fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 });

/** Texts close to canonical ones: other key orders, spacing, escapes, one character changed. */
const nearlyCanonical = fc.oneof(
  anyJson.map((v) => JSON.stringify(v)),
  anyJson.map((v) => JSON.stringify(v, null, 1)),
  anyJson.map((v) => canonicalJson(v)),
  fc
    .tuple(
      anyJson,
      fc.nat(),
      fc.constantFrom('"', '\\', ',', ':', '{', '}', '[', ']', ' ', '0', '-', 'e', '.', 'a', '\u0001', '\ud800', 'é'),
    )
    .map(([v, at, c]) => {
      const t = canonicalJson(v);
      const i = at % (t.length + 1);
      return t.slice(0, i) + c + t.slice(i);
    }),
  fc.tuple(anyJson, fc.nat()).map(([v, at]) => {
    const t = canonicalJson(v);
    const i = at % Math.max(t.length, 1);
    return t.slice(0, i) + t.slice(i + 1);
  }),
  fc.string({ unit: 'binary' }),
);

describe('canonical JSON text, recognised without parsing it', () => {
  it('says yes only to text that canonicalJson prints back byte for byte', () => {
    fc.assert(
      fc.property(nearlyCanonical, (text) => !isCanonicalJson(text) || reprints(text)),
      { numRuns: 5000 },
    );
  });

  it('says yes to the canonical text of any value with well-formed strings and keys needing no escape', () => {
    const plainKeys = (v: unknown): boolean =>
      v === null || typeof v !== 'object'
        ? true
        : Array.isArray(v)
          ? v.every(plainKeys)
          : Object.entries(v).every(([k, x]) => JSON.stringify(k) === `"${k}"` && plainKeys(x));
    fc.assert(
      fc.property(
        fc.jsonValue({ stringUnit: 'grapheme', maxDepth: 4 }),
        (v) => !plainKeys(v) || isCanonicalJson(canonicalJson(v)),
      ),
      { numRuns: 2000 },
    );
  });

  it('knows the forms JSON.stringify writes, and no other', () => {
    for (const yes of [
      '{"a":1,"b":[true,false,null],"c":{"d":"e"}}',
      '"tab\\t quote\\" slash\\\\ \\u001f"',
      '-1.5e-7',
      '1e+21',
      '"Thu đợt 1 😀"',
      '{"":0,"a":0}',
      '[]',
      '{}',
    ]) {
      expect([yes, isCanonicalJson(yes)]).toEqual([yes, true]);
    }
    const no = [
      '{"b":1,"a":2}',
      '{"a":1,"a":1}',
      '{"a":1 }',
      '"\\/"',
      '"\\u0041"',
      '"\\u000A"',
      '"\\n\u0001"',
      '-0',
      '1.0',
      '1E5',
      '01',
      '"\ud800"',
      '{"a":1}x',
      '{"\\u0061":1}',
      'nul',
      '',
    ];
    for (const text of no) expect([text, isCanonicalJson(text)]).toEqual([text, false]);
  });

  it('finds the members it is asked for at the top level only', () => {
    const text = '{"actor":{"hash":"inner"},"hash":"h","note":"\\"hash\\":\\"x\\"","prevHash":"p"}';
    const [hash, prevHash, missing] = canonicalObjectMembers(text, ['hash', 'prevHash', 'other'])!;
    expect(text.slice(hash!.start, hash!.end)).toBe('"hash":"h"');
    expect(text.slice(prevHash!.valueStart, prevHash!.end)).toBe('"p"');
    expect(missing).toBeUndefined();
    expect(canonicalObjectMembers('{"hash":"a","hash":"b"}', ['hash'])).toBeUndefined();
    expect(canonicalObjectMembers('["hash"]', ['hash'])).toBeUndefined();
  });
});
