import { LocalDate } from '@thads/domain';
import { localDateInVietnam } from '../clock';

/**
 * A step recorded more than this many calendar days after its business date is flagged as
 * late-recorded. A week is the span of the shortest statutory limits (3 to 5 working days,
 * docs/domain.md §2–3), so a later record may hide a deadline missed; and the books close at period
 * end (TT 05/2024 Điều 8), so a late record can move a figure into a period already reported.
 */
export const LATE_RECORDING_DAYS = 7;

const DAY_MS = 86_400_000;

/** Whole days from the business date to the local date (Asia/Ho_Chi_Minh) it was recorded on. */
export const recordingDelayDays = (on: LocalDate, recordedAt: string): number =>
  Math.round((Date.parse(localDateInVietnam(new Date(recordedAt))) - Date.parse(on)) / DAY_MS);

export const isLateRecorded = (delayDays: number): boolean => delayDays > LATE_RECORDING_DAYS;
