import { hungKingsDate, lunarNewYearEve, lunarToSolar, tetDate } from './lunar';

// Solar dates of Tết (1/1 lunar) and Giỗ Tổ Hùng Vương (10/3 lunar), as printed in Vietnamese
// calendars (lịch vạn niên) and in the yearly holiday notices for the years with a notice.
// Leap months before the 3rd month: 2004 (2), 2023 (2). Three rows differ from the Chinese
// calendar because the new moon fell between 17:00 and 24:00 UTC (before midnight at UTC+7,
// after it at UTC+8): Tết 2007 (new moon 2007-02-17 16:14 UTC), Giỗ Tổ 2009 (3rd month from the
// new moon of 2009-03-26 16:06 UTC) and Tết 2030 (new moon 2030-02-02 16:07 UTC).
const PUBLISHED: ReadonlyArray<[year: number, tet: string, hungKings: string]> = [
  [2000, '2000-02-05', '2000-04-14'],
  [2001, '2001-01-24', '2001-04-03'],
  [2002, '2002-02-12', '2002-04-22'],
  [2003, '2003-02-01', '2003-04-11'],
  [2004, '2004-01-22', '2004-04-28'],
  [2005, '2005-02-09', '2005-04-18'],
  [2006, '2006-01-29', '2006-04-07'],
  [2007, '2007-02-17', '2007-04-26'],
  [2008, '2008-02-07', '2008-04-15'],
  [2009, '2009-01-26', '2009-04-04'],
  [2010, '2010-02-14', '2010-04-23'],
  [2011, '2011-02-03', '2011-04-12'],
  [2012, '2012-01-23', '2012-03-31'],
  [2013, '2013-02-10', '2013-04-19'],
  [2014, '2014-01-31', '2014-04-09'],
  [2015, '2015-02-19', '2015-04-28'],
  [2016, '2016-02-08', '2016-04-16'],
  [2017, '2017-01-28', '2017-04-06'],
  [2018, '2018-02-16', '2018-04-25'],
  [2019, '2019-02-05', '2019-04-14'],
  [2020, '2020-01-25', '2020-04-02'],
  [2021, '2021-02-12', '2021-04-21'],
  [2022, '2022-02-01', '2022-04-10'],
  [2023, '2023-01-22', '2023-04-29'],
  [2024, '2024-02-10', '2024-04-18'],
  [2025, '2025-01-29', '2025-04-07'],
  [2026, '2026-02-17', '2026-04-26'],
  [2027, '2027-02-06', '2027-04-16'],
  [2028, '2028-01-26', '2028-04-04'],
  [2029, '2029-02-13', '2029-04-23'],
  [2030, '2030-02-02', '2030-04-12'],
];

describe('the Vietnamese lunar calendar (UTC+7)', () => {
  it.each(PUBLISHED)('gives Tết %i on %s', (year, tet) => {
    expect(tetDate(year)).toBe(tet);
  });

  it.each(PUBLISHED)('gives Giỗ Tổ Hùng Vương %i on %s', (year, _tet, hungKings) => {
    expect(hungKingsDate(year)).toBe(hungKings);
  });

  it('follows Vietnam, not China, where the time zones disagree', () => {
    expect(tetDate(2007)).toBe('2007-02-17'); // China: 18 February
    expect(hungKingsDate(2009)).toBe('2009-04-04'); // China: 10/3 on 5 April
    expect(tetDate(2030)).toBe('2030-02-02'); // China: 3 February
  });

  it('puts the last day of the lunar year on the eve of Tết', () => {
    expect(lunarNewYearEve(2025)).toBe('2025-01-28');
    expect(lunarNewYearEve(2026)).toBe('2026-02-16');
  });

  it('converts other lunar days, e.g. mid-autumn 15/8 of 2024', () => {
    expect(lunarToSolar(15, 8, 2024)).toBe('2024-09-17');
  });
});
