/**
 * Is a stored JSON text already canonical, that is exactly what `canonicalJson(JSON.parse(text))`
 * would print? Then its hash input can be built from the text itself, without parsing it
 * (stored-hash.ts). The scan is conservative: it may answer no for a canonical text written in a
 * rare form (an escaped key, nesting deeper than MAX_DEPTH), never yes for one that is not
 * canonical; a no only sends the event to the slow path, which parses it.
 *
 * What canonical means, from canonical-json.ts and JSON.stringify: no whitespace; object keys
 * strictly increasing in UTF-16 code unit order (sorted, and no key twice: JSON.parse would keep
 * the last); strings escaped as JSON.stringify escapes them; numbers as JSON.stringify prints
 * the number read; and valid JSON throughout, so that a yes never hides a text JSON.parse rejects.
 */

const MAX_DEPTH = 32;

const QUOTE = 0x22,
  BACKSLASH = 0x5c,
  COMMA = 0x2c,
  COLON = 0x3a,
  MINUS = 0x2d,
  DOT = 0x2e,
  ZERO = 0x30,
  NINE = 0x39;
const isDigit = (c: number) => c >= ZERO && c <= NINE;
const isLowerHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66);
/** The characters JSON.stringify escapes with a letter (\b \t \n \f \r), not as \u00XX. */
const isShortEscaped = (c: number) => c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;

/** Whatever needs the careful scan of a string: a backslash, a control character, a surrogate. */
const SPECIAL = /[\u0000-\u001f\\\ud800-\udfff]/;

/**
 * Where a string starting at `at` (on its quote) ends, or -1. With `plain`, no escape is accepted.
 * In a `simple` text (none of SPECIAL anywhere, the usual case, checked once by one native regex
 * scan) a string ends at the next quote; otherwise it is read a character at a time.
 */
const stringEnd = (text: string, at: number, plain: boolean, simple: boolean): number => {
  if (simple) {
    const quote = text.indexOf('"', at + 1);
    return quote < 0 ? -1 : quote + 1;
  }
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c < 0x20) return -1; // JSON.stringify escapes control characters
    if (c === BACKSLASH) {
      if (plain) return -1;
      const e = text.charCodeAt(i + 1);
      // \" \\ \b \f \n \r \t: the short escapes JSON.stringify writes (never \/).
      if (e === QUOTE || e === BACKSLASH || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
        i++;
        continue;
      }
      // \u00XX, lower-case, only for a control character without a short escape. Other \u
      // escapes (an escaped lone surrogate) are canonical too but rare: the slow path judges them.
      if (e === 0x75 && text.charCodeAt(i + 2) === ZERO && text.charCodeAt(i + 3) === ZERO) {
        const high = text.charCodeAt(i + 4),
          low = text.charCodeAt(i + 5);
        if (
          (high === ZERO || high === 0x31) &&
          isLowerHex(low) &&
          !isShortEscaped(parseInt(text.slice(i + 4, i + 6), 16))
        ) {
          i += 5;
          continue;
        }
      }
      return -1;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      // Only a well-formed pair is written as is; a lone surrogate would have been escaped.
      const next = text.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return -1;
    }
  }
  return -1;
};

/** Where a number starting at `at` ends, or -1 if it is not JSON or not as JSON.stringify prints it. */
const numberEnd = (text: string, at: number): number => {
  let i = at;
  if (text.charCodeAt(i) === MINUS) i++;
  if (text.charCodeAt(i) === ZERO) i++;
  else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
  else return -1;
  let integer = true;
  if (text.charCodeAt(i) === DOT) {
    integer = false;
    if (!isDigit(text.charCodeAt(++i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    integer = false;
    const sign = text.charCodeAt(++i);
    if (sign === 0x2b || sign === MINUS) i++;
    if (!isDigit(text.charCodeAt(i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  // Up to 15 digits an integer is exact and prints as written (but -0 prints as 0); otherwise ask.
  if (integer && i - at <= 15 && !(i - at === 2 && text.charCodeAt(at) === MINUS && text.charCodeAt(at + 1) === ZERO))
    return i;
  const written = text.slice(at, i);
  return String(Number(written)) === written ? i : -1;
};

/** Is the key text[a, aEnd) before text[b, bEnd), as Array.prototype.sort orders strings? */
const keyBefore = (text: string, a: number, aEnd: number, b: number, bEnd: number): boolean => {
  for (; a < aEnd && b < bEnd; a++, b++) {
    const x = text.charCodeAt(a),
      y = text.charCodeAt(b);
    if (x !== y) return x < y;
  }
  return a === aEnd && b < bEnd;
};

/** A top-level member's span: from its key's quote to the end of its value. */
export interface MemberSpan {
  start: number;
  valueStart: number;
  end: number;
}

/**
 * Where an object starting at `at` ends, or -1. Keys must be plain (no escape), so that the keys
 * compared as written are the keys read. With `wanted` (the top level only), the span of the
 * member named `wanted[k]` is put in `spans[k]`.
 */
const objectEnd = (
  text: string,
  at: number,
  depth: number,
  simple: boolean,
  wanted?: readonly string[],
  spans?: Array<MemberSpan | undefined>,
): number => {
  let i = at + 1;
  if (text.charCodeAt(i) === 0x7d) return i + 1;
  let previous = -1,
    previousEnd = -1;
  for (;;) {
    if (text.charCodeAt(i) !== QUOTE) return -1;
    const keyEnd = stringEnd(text, i, true, simple);
    if (keyEnd < 0 || text.charCodeAt(keyEnd) !== COLON) return -1;
    if (previous >= 0 && !keyBefore(text, previous + 1, previousEnd - 1, i + 1, keyEnd - 1)) return -1;
    const end = valueEnd(text, keyEnd + 1, depth + 1, simple);
    if (end < 0) return -1;
    if (wanted) {
      for (let k = 0; k < wanted.length; k++) {
        if (keyEnd - i - 2 === wanted[k].length && text.startsWith(wanted[k], i + 1))
          spans![k] = { start: i, valueStart: keyEnd + 1, end };
      }
    }
    previous = i;
    previousEnd = keyEnd;
    const c = text.charCodeAt(end);
    if (c === 0x7d) return end + 1;
    if (c !== COMMA) return -1;
    i = end + 1;
  }
};

const arrayEnd = (text: string, at: number, depth: number, simple: boolean): number => {
  let i = at + 1;
  if (text.charCodeAt(i) === 0x5d) return i + 1;
  for (;;) {
    const end = valueEnd(text, i, depth + 1, simple);
    if (end < 0) return -1;
    const c = text.charCodeAt(end);
    if (c === 0x5d) return end + 1;
    if (c !== COMMA) return -1;
    i = end + 1;
  }
};

const valueEnd = (text: string, at: number, depth: number, simple: boolean): number => {
  if (depth > MAX_DEPTH) return -1;
  const c = text.charCodeAt(at);
  if (c === QUOTE) return stringEnd(text, at, false, simple);
  if (c === 0x7b) return objectEnd(text, at, depth, simple);
  if (c === 0x5b) return arrayEnd(text, at, depth, simple);
  if (c === 0x74) return text.startsWith('true', at) ? at + 4 : -1;
  if (c === 0x66) return text.startsWith('false', at) ? at + 5 : -1;
  if (c === 0x6e) return text.startsWith('null', at) ? at + 4 : -1;
  return numberEnd(text, at);
};

/** Is `text`, whole, one canonical JSON value? */
export const isCanonicalJson = (text: string): boolean => valueEnd(text, 0, 0, !SPECIAL.test(text)) === text.length;

/**
 * Is `text`, whole, one canonical JSON object? Then the spans of its top-level members named in
 * `keys`, in that order (undefined for a key it lacks; none is there twice, since keys strictly
 * increase); otherwise undefined.
 */
export const canonicalObjectMembers = (
  text: string,
  keys: readonly string[],
): Array<MemberSpan | undefined> | undefined => {
  if (text.charCodeAt(0) !== 0x7b) return undefined;
  const spans = new Array<MemberSpan | undefined>(keys.length).fill(undefined);
  return objectEnd(text, 0, 0, !SPECIAL.test(text), keys, spans) === text.length ? spans : undefined;
};
