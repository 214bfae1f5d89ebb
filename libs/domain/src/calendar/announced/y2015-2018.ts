import { AnnouncedYear } from '../announced';
import { compensatory, holidays, swap } from './day';

// Civil servants' holidays as decided each year by the Prime Minister and announced by Bộ
// LĐTBXH. Only the occasions whose days the notice changed, or that a source confirmed, are
// listed; the others keep the computed days (holidays.ts), which match the notices of those years.

export const Y2015: AnnouncedYear = {
  year: 2015,
  source: 'Thông báo của Bộ LĐTBXH về nghỉ Tết và hoán đổi ngày nghỉ năm 2015 (Tờ trình 89/TTr-LĐTBXH 20/11/2014)',
  days: [
    ...holidays('newYear', ['2015-01-01'], 'sure'),
    ...swap('newYear', '2015-01-02', '2014-12-27', { confidence: 'sure' }),
    // Tết Ất Mùi: 30 Chạp – mùng 4, nghỉ bù 23–24/2; the 9-day break 16–24/2 with two Saturdays
    // worked is from memory of the press: the proposal had two variants [unsure].
    ...holidays('tet', ['2015-02-18', '2015-02-19', '2015-02-20', '2015-02-21', '2015-02-22'], 'likely'),
    ...compensatory('tet', ['2015-02-23', '2015-02-24'], 'likely'),
    ...swap('tet', '2015-02-16', '2015-02-14', { confidence: 'unsure' }),
    ...swap('tet', '2015-02-17', '2015-02-28', { confidence: 'unsure' }),
  ],
};

export const Y2016: AnnouncedYear = {
  year: 2016,
  source:
    'Thông báo của Bộ LĐTBXH về nghỉ Tết Bính Thân 2016 (Chính phủ đồng ý tại phiên họp 29/10/2015; không hoán đổi)',
  confidence: 'sure',
  days: [
    ...holidays('tet', ['2016-02-07', '2016-02-08', '2016-02-09', '2016-02-10', '2016-02-11']),
    ...compensatory('tet', ['2016-02-12']),
  ],
};

export const Y2017: AnnouncedYear = {
  year: 2017,
  source: 'Thông báo của Bộ LĐTBXH về nghỉ Tết Đinh Dậu 2017 (Thủ tướng đồng ý; nghỉ 26/1–1/2, không hoán đổi)',
  confidence: 'sure',
  days: [
    // 29 Chạp – mùng 3; mùng 1 and 2 fall on the weekend, given back on mùng 4 and 5.
    ...holidays('tet', ['2017-01-26', '2017-01-27', '2017-01-28', '2017-01-29', '2017-01-30']),
    ...compensatory('tet', ['2017-01-31', '2017-02-01']),
  ],
};

export const Y2018: AnnouncedYear = {
  year: 2018,
  source:
    'Văn phòng Chính phủ truyền đạt ý kiến Thủ tướng về nghỉ lễ, Tết năm 2018 (Tết 7 ngày, nghỉ trước Tết 2 ngày)',
  confidence: 'likely',
  days: [
    ...holidays('tet', ['2018-02-14', '2018-02-15', '2018-02-16', '2018-02-17', '2018-02-18']),
    ...compensatory('tet', ['2018-02-19', '2018-02-20']),
  ],
};
