import { randomUUID } from 'node:crypto';
import { sha256Hex } from './hash-chain';

/**
 * A UUID derived from a name, so that a command repeated with the same Idempotency-Key produces
 * the same event ids (and, for a new case without an id, the same case id).
 */
export const uuidFrom = (...parts: string[]): string => {
  const h = sha256Hex(parts.join('\u0000'));
  // Shape it as an RFC 4122 version-5-style UUID (name-based).
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export const eventIdFor = (streamId: string, idempotencyKey: string | undefined, index: number): string =>
  idempotencyKey ? uuidFrom('event', streamId, idempotencyKey, String(index)) : randomUUID();
