import { isLocalDate } from '@thads/domain';

/**
 * "As known at": a report reproduced from only the moves recorded by then. Either a global
 * position of the log (exact: what a client saw after a write) or an instant (what the office
 * knew at that moment: each event's `recordedAt`, see case-clock.ts).
 */
export type KnownAt = { position: bigint } | { recordedAt: string };

/** SQL condition on `statistics_moves` and its bound value. */
export const knownAtFilter = (knownAt: KnownAt): { sql: string; value: bigint | string } =>
  'position' in knownAt
    ? { sql: 'position <= ?', value: knownAt.position }
    : { sql: 'known_at <= ?', value: knownAt.recordedAt };

export const knownAtText = (knownAt?: KnownAt): string | null =>
  knownAt === undefined ? null : 'position' in knownAt ? knownAt.position.toString() : knownAt.recordedAt;

/**
 * A log position (digits, as returned by a write), an ISO-8601 instant, or a date meaning the end
 * of that day where the office is (`endOfDay`, from the application's clock); undefined if none.
 */
export const parseKnownAt = (value: string, endOfDay: (date: string) => Date): KnownAt | undefined => {
  if (/^\d{1,18}$/.test(value)) return { position: BigInt(value) };
  // The day of an instant must exist: Date would roll 2025-02-31T… over into March.
  const day = value.slice(0, 10);
  const instant = isLocalDate(value)
    ? endOfDay(value)
    : /^\d{4}-\d{2}-\d{2}T/.test(value) && isLocalDate(day)
      ? new Date(value)
      : undefined;
  if (!instant || Number.isNaN(instant.getTime())) return undefined;
  return { recordedAt: instant.toISOString() };
};
