// Business dates are local dates in Asia/Ho_Chi_Minh written 'YYYY-MM-DD' (docs/architecture.md §3).
// In that form, string order is date order, so comparisons need no parsing.
export type LocalDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLocalDate = (value: unknown): value is LocalDate => {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
};

/**
 * Why `value` is not a local date, naming the field; undefined when it is one. A date written
 * right that the calendar does not have (2025-02-31) is told apart from one written wrong, in
 * the users' language with the English gloss for the logs.
 */
export const localDateProblem = (name: string, value: unknown): string | undefined => {
  if (isLocalDate(value)) return undefined;
  if (typeof value === 'string' && ISO_DATE.test(value))
    return `${name} ${value} không phải ngày có thật (not a real date)`;
  return `${name} phải là ngày dạng YYYY-MM-DD (must be a date YYYY-MM-DD)`;
};

/** For an instant or date text whose first ten characters are a well-written day that does not exist. */
export const unrealDayProblem = (name: string, text: string): string | undefined => {
  const day = text.slice(0, 10);
  return ISO_DATE.test(day) && !isLocalDate(day) ? localDateProblem(name, day) : undefined;
};

export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b);

/**
 * The same day `years` later; 29 February falls to 28 February, the last day of the month
 * (Bộ luật Dân sự 2015 Điều 148.3: a term ends on the corresponding day, or the month's last day).
 */
export const addYears = (date: LocalDate, years: number): LocalDate => {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};
