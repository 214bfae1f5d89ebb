import { LocalDate } from '../local-date';
import { addDays, fromDayNumber, toDayNumber } from './local-date';

// The Vietnamese lunisolar calendar after Hồ Ngọc Đức's published algorithm ("Thuật toán tính
// âm lịch"): new moons and solar terms by the Meeus-style series, days cut at UTC+7. The
// time zone matters: Vietnam's calendar has differed from China's (UTC+8), e.g. Tết 2007 fell
// on 17 February in Vietnam and 18 February in China. Tết and Giỗ Tổ are public holidays
// (Bộ luật Lao động 2019 Điều 112.1.b, d), so the engine computes them for any year.

const VIETNAM_TIME_ZONE = 7;
const JULIAN_DAY_OF_UNIX_EPOCH = 2440588;
const SYNODIC_MONTH = 29.530588853;
const NEW_MOON_1900_JANUARY = 2415021.076998695;
const DEGREE = Math.PI / 180;

const julianDay = (date: LocalDate): number => toDayNumber(date) + JULIAN_DAY_OF_UNIX_EPOCH;
const dateOfJulianDay = (jd: number): LocalDate => fromDayNumber(jd - JULIAN_DAY_OF_UNIX_EPOCH);

/** Local day (Julian day number) of the k-th new moon after 1 January 1900. */
const newMoonDay = (k: number): number => {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEGREE);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DEGREE) + 0.0021 * Math.sin(2 * DEGREE * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DEGREE) + 0.0161 * Math.sin(DEGREE * 2 * Mpr);
  c1 -= 0.0004 * Math.sin(DEGREE * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DEGREE * 2 * F) - 0.0051 * Math.sin(DEGREE * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DEGREE * (M - Mpr)) + 0.0004 * Math.sin(DEGREE * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DEGREE * (2 * F - M)) - 0.0006 * Math.sin(DEGREE * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DEGREE * (2 * F - Mpr)) + 0.0005 * Math.sin(DEGREE * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return Math.floor(jd + c1 - deltaT + 0.5 + VIETNAM_TIME_ZONE / 24);
};

/** Sun's longitude at local midnight of a day, as one of 12 sectors of 30° (0 = vernal equinox). */
const sunSector = (jdn: number): number => {
  const T = (jdn - 2451545.5 - VIETNAM_TIME_ZONE / 24) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let dl = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEGREE * M);
  dl += (0.019993 - 0.000101 * T) * Math.sin(DEGREE * 2 * M) + 0.00029 * Math.sin(DEGREE * 3 * M);
  let longitude = (L0 + dl) * DEGREE;
  longitude -= Math.PI * 2 * Math.floor(longitude / (Math.PI * 2));
  return Math.floor((longitude / Math.PI) * 6);
};

/** First day of the 11th lunar month (the one holding the winter solstice) of a solar year. */
const lunarMonth11 = (year: number): number => {
  const k = Math.floor((julianDay(`${String(year).padStart(4, '0')}-12-31`) - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k);
  return sunSector(start) >= 9 ? newMoonDay(k - 1) : start;
};

/** Position, counted from month 11, of the leap month: the first month without a major solar term. */
const leapMonthOffset = (month11: number): number => {
  const k = Math.floor((month11 - NEW_MOON_1900_JANUARY) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let sector = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = sector;
    i += 1;
    sector = sunSector(newMoonDay(k + i));
  } while (sector !== last && i < 14);
  return i - 1;
};

/** The solar date of a (non-leap) lunar day of a lunar year. */
export const lunarToSolar = (lunarDay: number, lunarMonth: number, lunarYear: number): LocalDate => {
  const [a11, b11] =
    lunarMonth < 11
      ? [lunarMonth11(lunarYear - 1), lunarMonth11(lunarYear)]
      : [lunarMonth11(lunarYear), lunarMonth11(lunarYear + 1)];
  const k = Math.floor(0.5 + (a11 - NEW_MOON_1900_JANUARY) / SYNODIC_MONTH);
  let offset = (lunarMonth - 11 + 12) % 12;
  // A year of 13 months: every month at or after the leap month shifts by one.
  if (b11 - a11 > 365 && offset >= leapMonthOffset(a11)) offset += 1;
  return dateOfJulianDay(newMoonDay(k + offset) + lunarDay - 1);
};

/** Tết Nguyên đán: 1st day of the 1st lunar month. */
export const tetDate = (year: number): LocalDate => lunarToSolar(1, 1, year);

/** The last day of the lunar year before Tết ("30 Tết", 29 in a short 12th month). */
export const lunarNewYearEve = (year: number): LocalDate => addDays(tetDate(year), -1);

/** Giỗ Tổ Hùng Vương: 10th day of the 3rd lunar month. */
export const hungKingsDate = (year: number): LocalDate => lunarToSolar(10, 3, year);
