/**
 * "As known at": a report reproduced from only the moves recorded by then. Either a global
 * position of the log (exact: what a client saw after a write) or an instant (what the office
 * knew at that moment: each event's `recordedAt`, see case-clock.ts).
 */
export type KnownAt = { position: bigint } | { recordedAt: string };

/** SQL condition on `statistics_moves` and its bound value. */
export const knownAtFilter = (knownAt: KnownAt): { sql: string; value: number | string } =>
  'position' in knownAt ? { sql: 'position <= ?', value: Number(knownAt.position) } : { sql: 'known_at <= ?', value: knownAt.recordedAt };

export const knownAtText = (knownAt?: KnownAt): string | null =>
  knownAt === undefined ? null : 'position' in knownAt ? knownAt.position.toString() : knownAt.recordedAt;
