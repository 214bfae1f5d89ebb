import { canonicalJson } from './canonical-json';
import { sha256Hex } from './hash-chain';

/**
 * The fingerprint of a command, kept with its events when it came with an Idempotency-Key: the
 * same key with another request is told apart exactly (a collection of 1,000 đ and one of
 * 50,000 đ are the same step, not the same request). Of the command as decided: its case, step
 * and every field of its body, in canonical JSON, so the order of the body's keys does not count.
 */
export const requestHashOf = (command: object): string => sha256Hex(canonicalJson(command));
