import { LocalDate } from '../local-date';

/**
 * The public holidays of the Labour Code (Bộ luật Lao động 2019 Điều 112.1). Announced days are
 * grouped by occasion, because a yearly notice decides one occasion at a time (the Tết days, the
 * extra Quốc khánh day, a swap around 30/4) and overrides only the computed days of that occasion.
 */
export const HOLIDAY_OCCASIONS = ['newYear', 'tet', 'hungKings', 'reunification', 'labourDay', 'nationalDay'] as const;
export type HolidayOccasion = (typeof HOLIDAY_OCCASIONS)[number];

export const OCCASION_LABELS: Record<HolidayOccasion, string> = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  reunification: 'Ngày Chiến thắng 30/4',
  labourDay: 'Ngày Quốc tế Lao động 1/5',
  nationalDay: 'Quốc khánh 2/9',
};

/**
 * holiday: a public holiday; compensatory: the next working day given back for a holiday on a
 * weekly rest day (BLLĐ 2019 Điều 111.3); swapOff / swapWork: a weekday off in exchange for a
 * Saturday worked, decided each year for civil servants (docs/domain.md §5).
 */
export const ANNOUNCED_DAY_KINDS = ['holiday', 'compensatory', 'swapOff', 'swapWork'] as const;
export type AnnouncedDayKind = (typeof ANNOUNCED_DAY_KINDS)[number];

/** Same tags as docs/domain.md: sure = read in the notice or two agreeing sources. */
export const CONFIDENCES = ['sure', 'likely', 'unsure'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export type NonWorkingKind = 'weekend' | Exclude<AnnouncedDayKind, 'swapWork'>;

/** A day off, with the reason shown to users (Vietnamese) and the legal or announcing source. */
export interface NonWorkingDay {
  date: LocalDate;
  kind: NonWorkingKind;
  reason: string;
  source: string;
  occasion?: HolidayOccasion;
  confidence?: Confidence;
}

/** A weekend day made a working day by a swap. */
export interface SwappedWorkingDay {
  date: LocalDate;
  kind: 'swapWork';
  reason: string;
  source: string;
  occasion?: HolidayOccasion;
  confidence?: Confidence;
}

export type CalendarEntry = NonWorkingDay | SwappedWorkingDay;
