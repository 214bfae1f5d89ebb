import dayjs, { Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

/** Dates as the office writes them (dd/mm/yyyy); the API's are local dates YYYY-MM-DD. */
export const DATE_FORMAT = 'DD/MM/YYYY';

export const formatDate = (isoDate: string | null | undefined): string => {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return y && m && d ? `${d}/${m}/${y}` : isoDate;
};

/** A picked date as the API's YYYY-MM-DD, without going through a time zone. */
export const toLocalDate = (value: Dayjs | null | undefined): string | undefined =>
  value ? value.format('YYYY-MM-DD') : undefined;

export const today = (): Dayjs => dayjs();
