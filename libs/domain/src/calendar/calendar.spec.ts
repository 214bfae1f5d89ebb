import { parseAnnouncedYears } from './announced';
import { SHIPPED_ANNOUNCED_YEARS } from './announced-years';
import { createWorkingDayCalendar } from './calendar';
import { addDays, isWeekend } from './local-date';

const calendar = createWorkingDayCalendar();

const weekendsOf = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWeekend(d)) days.push(d);
  return days;
};

describe('the 2025 working-day calendar (CV 8726/VPCP-KGVX; TB 6150/TB-BLĐTBXH)', () => {
  const weekdaysOff: ReadonlyArray<[string, string, string]> = [
    ['2025-01-01', 'holiday', 'Tết Dương lịch'],
    ['2025-01-27', 'holiday', 'Tết Nguyên đán'],
    ['2025-01-28', 'holiday', 'Tết Nguyên đán'],
    ['2025-01-29', 'holiday', 'Tết Nguyên đán'],
    ['2025-01-30', 'holiday', 'Tết Nguyên đán'],
    ['2025-01-31', 'holiday', 'Tết Nguyên đán'],
    ['2025-04-07', 'holiday', 'Giỗ Tổ Hùng Vương'],
    ['2025-04-30', 'holiday', 'Ngày Chiến thắng 30/4'],
    ['2025-05-01', 'holiday', 'Ngày Quốc tế Lao động 1/5'],
    ['2025-05-02', 'swapOff', 'Nghỉ hoán đổi dịp Ngày Chiến thắng 30/4 (làm bù thứ Bảy 26/04/2025)'],
    ['2025-09-01', 'holiday', 'Quốc khánh 2/9'],
    ['2025-09-02', 'holiday', 'Quốc khánh 2/9'],
  ];

  it('lists exactly the weekends (but Saturday 26 April), the holidays and the swapped Friday', () => {
    const expected = [
      ...weekendsOf('2025-01-01', '2025-12-31').filter((d) => d !== '2025-04-26'),
      ...weekdaysOff.map(([d]) => d),
    ].sort();
    expect(calendar.nonWorkingDays('2025-01-01', '2025-12-31').map((d) => d.date)).toEqual(expected);
  });

  it.each(weekdaysOff)('gives %s off as %s: %s', (date, kind, reason) => {
    expect(calendar.dayOff(date)).toMatchObject({ date, kind, reason });
  });

  it('names weekends in Vietnamese with their source', () => {
    expect(calendar.dayOff('2025-01-25')).toEqual({
      date: '2025-01-25',
      kind: 'weekend',
      reason: 'Thứ Bảy',
      source: 'QĐ 188/1999/QĐ-TTg Điều 1',
    });
    expect(calendar.dayOff('2025-01-26')).toMatchObject({ kind: 'weekend', reason: 'Chủ nhật' });
  });

  it('makes Tết a nine-day break from Saturday 25 January to Sunday 2 February', () => {
    expect(calendar.nonWorkingDays('2025-01-24', '2025-02-03').map((d) => d.date)).toEqual([
      '2025-01-25',
      '2025-01-26',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
    ]);
  });

  it('works Saturday 26 April 2025 in exchange for Friday 2 May', () => {
    expect(calendar.isWorkingDay('2025-04-26')).toBe(true);
    expect(calendar.nonWorkingDays('2025-04-26', '2025-05-05').map((d) => d.date)).toEqual([
      '2025-04-27',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-05-03',
      '2025-05-04',
    ]);
  });

  it('gives Quốc khánh from Saturday 30 August to Tuesday 2 September', () => {
    expect(calendar.nonWorkingDays('2025-08-29', '2025-09-03').map((d) => d.date)).toEqual([
      '2025-08-30',
      '2025-08-31',
      '2025-09-01',
      '2025-09-02',
    ]);
  });
});

describe('Tết Bính Ngọ 2026', () => {
  it('runs from Saturday 14 to Sunday 22 February 2026', () => {
    expect(calendar.nonWorkingDays('2026-02-13', '2026-02-23').map((d) => d.date)).toEqual([
      '2026-02-14',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
    ]);
  });
});

describe('counting working days', () => {
  it('adds 5 working days to Friday 24 January 2025 and lands on Friday 7 February, not 31 January', () => {
    expect(calendar.addWorkingDays('2025-01-24', 5)).toBe('2025-02-07');
  });

  it('counts a swapped Saturday as a working day and the swapped Friday as a day off', () => {
    expect(calendar.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    expect(calendar.addWorkingDays('2025-04-29', 1)).toBe('2025-05-05');
  });

  it('moves to the next working day, or stays on a working day', () => {
    expect(calendar.nextWorkingDayOnOrAfter('2025-01-25')).toBe('2025-02-03');
    expect(calendar.nextWorkingDayOnOrAfter('2025-02-03')).toBe('2025-02-03');
  });

  it('counts working days between two dates, the first excluded', () => {
    expect(calendar.workingDaysBetween('2025-01-24', '2025-02-07')).toBe(5);
    expect(calendar.workingDaysBetween('2025-02-07', '2025-01-24')).toBe(-5);
    expect(calendar.addWorkingDays('2025-02-07', -5)).toBe('2025-01-24');
  });
});

describe('computed holidays for years without a notice', () => {
  it('gives a Giỗ Tổ on Sunday its compensatory Monday (2019-04-14 → 2019-04-15, BLLĐ 2012 Điều 115.3)', () => {
    expect(calendar.dayOff('2019-04-15')).toMatchObject({
      kind: 'compensatory',
      reason: 'Nghỉ bù Giỗ Tổ Hùng Vương',
      source: 'Bộ luật Lao động 2012 (10/2012/QH13) Điều 115.3',
    });
  });

  it('chains compensatory days: Giỗ Tổ Saturday 29/4/2023 and Sunday 30/4 give back 2 and 3 May', () => {
    expect(calendar.nonWorkingDays('2023-04-28', '2023-05-04').map((d) => [d.date, d.kind])).toEqual([
      ['2023-04-29', 'holiday'],
      ['2023-04-30', 'holiday'],
      ['2023-05-01', 'holiday'],
      ['2023-05-02', 'compensatory'],
      ['2023-05-03', 'compensatory'],
    ]);
  });

  it('computes Tết 2027 as the eve of Tết and the next four days (BLLĐ 2019 Điều 112.1.b)', () => {
    // Tết 2027 is Saturday 6 February: 5–9 February, the weekend two given back on 10 and 11.
    expect(calendar.nonWorkingDays('2027-02-04', '2027-02-12').map((d) => [d.date, d.kind])).toEqual([
      ['2027-02-05', 'holiday'],
      ['2027-02-06', 'holiday'],
      ['2027-02-07', 'holiday'],
      ['2027-02-08', 'holiday'],
      ['2027-02-09', 'holiday'],
      ['2027-02-10', 'compensatory'],
      ['2027-02-11', 'compensatory'],
    ]);
    expect(calendar.dayOff('2027-02-06')).toMatchObject({ kind: 'holiday', reason: 'Tết Nguyên đán' });
  });

  it('gives Quốc khánh one day before 2021 and two days from 2021', () => {
    expect(calendar.isWorkingDay('2020-09-01')).toBe(true);
    expect(calendar.dayOff('2020-09-02')).toMatchObject({ kind: 'holiday' });
    expect(calendar.dayOff('2027-09-01')).toMatchObject({ kind: 'holiday', reason: 'Quốc khánh 2/9' });
  });
});

describe('announced data overrides the computed days, occasion by occasion', () => {
  it('replaces the computed Tết 2017 (eve + 4 days) by the announced 29 Chạp – mùng 3 with two compensatory days', () => {
    expect(calendar.nonWorkingDays('2017-01-26', '2017-02-02').map((d) => [d.date, d.kind])).toEqual([
      ['2017-01-26', 'holiday'],
      ['2017-01-27', 'holiday'],
      ['2017-01-28', 'holiday'],
      ['2017-01-29', 'holiday'],
      ['2017-01-30', 'holiday'],
      ['2017-01-31', 'compensatory'],
      ['2017-02-01', 'compensatory'],
    ]);
  });

  it('reaches into the previous year for a Saturday worked before New Year (27/12/2014 for 2/1/2015)', () => {
    expect(calendar.isWorkingDay('2014-12-27')).toBe(true);
    expect(calendar.dayOff('2015-01-02')).toMatchObject({ kind: 'swapOff' });
  });

  it('takes extra years from JSON read at start, the later entry for a year winning', () => {
    const extra = parseAnnouncedYears(
      JSON.parse(
        JSON.stringify([
          {
            year: 2027,
            source: 'Thông báo thử nghiệm',
            days: [
              { date: '2027-02-04', kind: 'holiday', occasion: 'tet', reason: 'Tết Nguyên đán' },
              { date: '2027-02-05', kind: 'holiday', occasion: 'tet', reason: 'Tết Nguyên đán' },
              { date: '2027-02-08', kind: 'holiday', occasion: 'tet', reason: 'Tết Nguyên đán' },
              { date: '2027-02-09', kind: 'holiday', occasion: 'tet', reason: 'Tết Nguyên đán' },
              { date: '2027-02-10', kind: 'holiday', occasion: 'tet', reason: 'Tết Nguyên đán' },
            ],
          },
        ]),
      ),
    );
    const withExtra = createWorkingDayCalendar([...SHIPPED_ANNOUNCED_YEARS, ...extra]);
    expect(withExtra.dayOff('2027-02-04')).toMatchObject({ kind: 'holiday', source: 'Thông báo thử nghiệm' });
    expect(withExtra.isWorkingDay('2027-02-11')).toBe(true);
    expect(calendar.isWorkingDay('2027-02-04')).toBe(true);
  });

  it('rejects malformed JSON with every problem named', () => {
    expect(() =>
      parseAnnouncedYears([
        { year: 2027, source: '', days: [{ date: '2027-02-30', kind: 'off', occasion: 'tet', reason: '' }] },
      ]),
    ).toThrow(/source is required.*date must be YYYY-MM-DD.*kind must be one of.*reason is required/);
    expect(() =>
      parseAnnouncedYears([
        { year: 2027, source: 'x', days: [{ date: '2027-01-06', kind: 'swapWork', occasion: 'newYear', reason: 'x' }] },
      ]),
    ).toThrow(/must be a Saturday or Sunday/);
    expect(() => parseAnnouncedYears({})).toThrow(/array of years/);
  });
});
