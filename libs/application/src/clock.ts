import { LocalDate } from '@thads/domain';

/** Vietnam keeps UTC+7 all year (no daylight saving), so the local date is a fixed shift. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export const localDateInVietnam = (instant: Date): LocalDate =>
  new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** The end of a local day as an instant: what "as of 2025-03-31" means for recorded times. */
export const endOfLocalDay = (date: LocalDate): Date =>
  new Date(Date.parse(`${date}T23:59:59.999Z`) - VIETNAM_OFFSET_MS);

/** Injected wherever "now" is needed, so tests can fix it. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
