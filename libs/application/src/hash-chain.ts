import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The first event of a stream links to this (ARCHITECTURE.md §4). */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * hash = SHA-256 over (prevHash, type, data, metadata without hash). Each event names its
 * predecessor's hash, so an edited, reordered or deleted event breaks every link after it.
 */
export const chainHash = (prevHash: string, type: string, data: unknown, metadataWithoutHash: object): string =>
  createHash('sha256')
    .update(canonicalJson({ prevHash, type, data, metadata: metadataWithoutHash }))
    .digest('hex');
