import { createHash, hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { isCanonicalJson } from './integrity/canonical-text';

/** The first event of a stream links to this (docs/architecture.md §4). */
export const GENESIS_HASH = '0'.repeat(64);

// The one-shot crypto.hash (Node ≥ 20.12) skips a Hash object per event, about twice as fast
// for `thads verify --all`; the digest is the same.
export const sha256Hex: (text: string) => string =
  typeof hash === 'function'
    ? (text) => hash('sha256', text, 'hex')
    : (text) => createHash('sha256').update(text).digest('hex');

/**
 * hash = SHA-256 over (prevHash, type, data, metadata without hash). Each event names its
 * predecessor's hash, so an edited, reordered or deleted event breaks every link after it.
 */
export const chainHash = (prevHash: string, type: string, data: unknown, metadataWithoutHash: object): string => {
  // envelope.ts inserts keys in sorted order, so JSON.stringify (native) usually prints the
  // canonical text already; canonical-text.ts tells when it has, and the input is then put
  // together from those texts, as `thads verify` puts it together from the stored ones. For a
  // JSON value a canonical JSON.stringify is canonicalJson's output (canonical-json.spec.ts).
  const dataText = JSON.stringify(data);
  const metadataText = JSON.stringify(metadataWithoutHash);
  if (dataText !== undefined && isCanonicalJson(dataText) && isCanonicalJson(metadataText)) {
    return sha256Hex(
      `{"data":${dataText},"metadata":${metadataText},"prevHash":${JSON.stringify(prevHash)},"type":${JSON.stringify(type)}}`,
    );
  }
  return sha256Hex(canonicalJson({ prevHash, type, data, metadata: metadataWithoutHash }));
};
