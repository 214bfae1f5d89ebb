import { sha256Hex } from '../hash-chain';
import { canonicalObjectMembers, isCanonicalJson, MemberSpan } from './canonical-text';

/** The two links of an event: the hash it names as its predecessor's, and its own. */
export interface OwnLinks {
  prevHash: string;
  hash: string;
}

const LINK_KEYS = ['hash', 'prevHash'] as const;

/** A member's value when it is a string without escapes (so the text between the quotes is the value). */
const plainString = (text: string, span: MemberSpan | undefined): string | undefined => {
  if (!span || text.charCodeAt(span.valueStart) !== 0x22) return undefined;
  const value = text.slice(span.valueStart + 1, span.end - 1);
  return value.includes('\\') ? undefined : value;
};

/** The object's text without one member and the comma that joined it to its neighbours. */
const withoutMember = (text: string, span: MemberSpan): string => {
  if (text.charCodeAt(span.start - 1) === 0x2c) return text.slice(0, span.start - 1) + text.slice(span.end);
  if (text.charCodeAt(span.end) === 0x2c) return text.slice(0, span.start) + text.slice(span.end + 1);
  return text.slice(0, span.start) + text.slice(span.end);
};

/**
 * The fast path of `thads verify`: an event's links, when its stored hash is the hash of its
 * stored text; undefined otherwise, and then only the slow path (parse, canonicalJson) may judge it.
 *
 * envelope.ts builds data and metadata with their keys in sorted order, so the store's
 * JSON.stringify writes canonical text, and the hash input of hash-chain.ts, canonicalJson of
 * { data, metadata without hash, prevHash, type } (keys in that order), is the stored text put
 * together: no parse, no object built. This is only sound for text that is canonical, where
 * `canonicalJson(JSON.parse(text)) === text`: canonical-text.ts checks it, the metadata's `hash`
 * member is then its one top-level `hash` key, and removing it leaves the canonical unsigned
 * metadata. So a yes here means that the very bytes the slow path would hash give the stored
 * hash, and the slow path would say the same; any other text (an event stored before keys were
 * sorted, an edited one, a `hash` member moved, repeated or nested) gets undefined.
 */
export const storedTextLinks = (type: string, data: string, metadata: string): OwnLinks | undefined => {
  const spans = canonicalObjectMembers(metadata, LINK_KEYS);
  if (!spans) return undefined;
  const hash = plainString(metadata, spans[0]);
  const prevHash = plainString(metadata, spans[1]);
  if (hash === undefined || prevHash === undefined || !isCanonicalJson(data)) return undefined;
  const input = `{"data":${data},"metadata":${withoutMember(metadata, spans[0]!)},"prevHash":"${prevHash}","type":${JSON.stringify(type)}}`;
  const recomputed = sha256Hex(input);
  // The digest, equal to the stored hash, is kept rather than the slice of the metadata text,
  // which would keep the whole text alive as long as the stream's link.
  return recomputed === hash ? { prevHash, hash: recomputed } : undefined;
};
