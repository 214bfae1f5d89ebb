import { canonicalJson } from '../../canonical-json';
import { StoredBlock } from './anchor-segment';

/** Why an anchor was written: on a timer or a count, at a graceful stop, at the end of an import, on demand. */
export type AnchorReason = 'interval' | 'shutdown' | 'import' | 'demand';

/** The digest the first anchor chains from. */
export const ANCHOR_GENESIS = '0'.repeat(64);

/**
 * One line of the anchor file: a signed statement that the log, up to `position`, held `count`
 * events whose digest is `digest`. Positions are strings (a store's positions may pass 2^53).
 */
export interface Anchor {
  v: 1;
  /** 1 for the first anchor, then one more each: a line removed from the file shows. */
  seq: number;
  at: string;
  reason: AnchorReason;
  /** The previous anchor's position ('-1' for the first): this one covers (after, position]. */
  after: string;
  position: string;
  /** Events with a position up to `position`, since the log began. */
  count: number;
  blockSize: string;
  blocks: StoredBlock[];
  /** The id of the event at `position`, the last one covered (see StoredBlock: where it is now). */
  lastId: string;
  prevDigest: string;
  digest: string;
  keyFingerprint: string;
  /** Ed25519 over signedText(the anchor without its signature), base64. */
  signature: string;
}

export type UnsignedAnchor = Omit<Anchor, 'signature'>;

export const signedText = (anchor: UnsignedAnchor | Anchor): string => {
  const { signature: _signature, ...unsigned } = anchor as Anchor;
  return canonicalJson(unsigned);
};

/** What a printed history or a report carries of the latest anchor, to be checked later against the log. */
export interface AnchorSummary {
  seq: number;
  position: string;
  count: number;
  at: string;
  digest: string;
  keyFingerprint: string;
}

export const summaryOf = (a: Anchor): AnchorSummary => ({
  seq: a.seq,
  position: a.position,
  count: a.count,
  at: a.at,
  digest: a.digest,
  keyFingerprint: a.keyFingerprint,
});
