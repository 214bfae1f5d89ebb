import { AnnouncedYear } from '../announced';
import { compensatory, holidays, swap } from './day';

export const Y2019: AnnouncedYear = {
  year: 2019,
  source: 'Thông báo của Bộ LĐTBXH về nghỉ Tết Dương lịch, Tết Âm lịch và hoán đổi ngày làm việc năm 2019',
  days: [
    ...holidays('newYear', ['2019-01-01'], 'likely'),
    ...swap('newYear', '2018-12-31', '2019-01-05', { confidence: 'likely' }),
    ...holidays('tet', ['2019-02-04', '2019-02-05', '2019-02-06', '2019-02-07', '2019-02-08'], 'likely'),
    ...holidays('reunification', ['2019-04-30'], 'sure'),
    ...holidays('labourDay', ['2019-05-01'], 'sure'),
    ...swap('reunification', '2019-04-29', '2019-05-04', {
      confidence: 'sure',
      source: 'Thủ tướng đồng ý hoán đổi ngày làm việc dịp 30/4–1/5/2019',
    }),
  ],
};

export const Y2020: AnnouncedYear = {
  year: 2020,
  source: 'Thông báo của Bộ LĐTBXH về nghỉ Tết Canh Tý 2020 (nghỉ 23/1–29/1, 29 Chạp – mùng 5)',
  confidence: 'sure',
  days: [
    ...holidays('tet', ['2020-01-23', '2020-01-24', '2020-01-25', '2020-01-26', '2020-01-27']),
    ...compensatory('tet', ['2020-01-28', '2020-01-29']),
  ],
};

export const Y2021: AnnouncedYear = {
  year: 2021,
  source: 'Thông báo của Bộ LĐTBXH về nghỉ Tết Tân Sửu và Quốc khánh năm 2021 (Thủ tướng đồng ý)',
  confidence: 'sure',
  days: [
    ...holidays('tet', ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14']),
    ...compensatory('tet', ['2021-02-15', '2021-02-16']),
    // First year of the 2-day Quốc khánh (BLLĐ 2019 Điều 112.1.đ): 2/9 and the day after.
    ...holidays('nationalDay', ['2021-09-02', '2021-09-03']),
  ],
};

export const Y2022: AnnouncedYear = {
  year: 2022,
  source: 'CV 245/VPCP-KGVX 11/01/2022 (Tết Nhâm Dần); thông báo của Bộ LĐTBXH',
  days: [
    ...holidays('tet', ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'], 'sure'),
    ...holidays('nationalDay', ['2022-09-01', '2022-09-02'], 'likely'),
  ],
};
