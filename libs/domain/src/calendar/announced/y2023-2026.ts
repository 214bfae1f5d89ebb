import { AnnouncedYear } from '../announced';
import { compensatory, holidays, swap } from './day';

export const Y2023: AnnouncedYear = {
  year: 2023,
  source: 'Thông báo của Bộ LĐTBXH về nghỉ Tết Quý Mão 2023; CV 8056/VPCP-KGVX (Quốc khánh 2023)',
  days: [
    ...holidays('tet', ['2023-01-20', '2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24'], 'likely'),
    ...compensatory('tet', ['2023-01-25', '2023-01-26'], 'likely'),
    ...holidays('nationalDay', ['2023-09-01', '2023-09-02'], 'sure'),
    ...compensatory('nationalDay', ['2023-09-04'], 'sure'),
  ],
};

export const Y2024: AnnouncedYear = {
  year: 2024,
  source: 'Thông báo của Bộ LĐTBXH về nghỉ Tết Giáp Thìn 2024; CV 2450/VPCP-KGVX 12/04/2024 (hoán đổi dịp 30/4–1/5)',
  days: [
    ...holidays('tet', ['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12'], 'likely'),
    ...compensatory('tet', ['2024-02-13', '2024-02-14'], 'likely'),
    ...holidays('reunification', ['2024-04-30'], 'sure'),
    ...holidays('labourDay', ['2024-05-01'], 'sure'),
    ...swap('reunification', '2024-04-29', '2024-05-04', {
      confidence: 'sure',
      source: 'CV 2450/VPCP-KGVX 12/04/2024',
    }),
    ...holidays('nationalDay', ['2024-09-02', '2024-09-03'], 'sure'),
  ],
};

export const Y2025: AnnouncedYear = {
  year: 2025,
  source: 'CV 8726/VPCP-KGVX 26/11/2024; TB 6150/TB-BLĐTBXH',
  days: [
    // Tết Ất Tỵ: 28 Chạp – mùng 3 (27–31/1), with the two weekends: 25/1–2/2, no swap.
    ...holidays('tet', ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'], 'likely'),
    ...holidays('reunification', ['2025-04-30'], 'sure'),
    ...holidays('labourDay', ['2025-05-01'], 'sure'),
    ...swap('reunification', '2025-05-02', '2025-04-26', {
      confidence: 'sure',
      source: 'Thủ tướng đồng ý hoán đổi ngày làm việc dịp 30/4–1/5/2025 (đề xuất của Bộ Nội vụ)',
    }),
    ...holidays('nationalDay', ['2025-09-01', '2025-09-02'], 'likely'),
  ],
};

export const Y2026: AnnouncedYear = {
  year: 2026,
  source: 'CV 12729/VPCP-KGVX 25/12/2025 (Tết Dương lịch); thông báo của Bộ Nội vụ về nghỉ Tết Bính Ngọ 2026',
  confidence: 'sure',
  days: [
    ...holidays('newYear', ['2026-01-01']),
    ...swap('newYear', '2026-01-02', '2026-01-10'),
    // 29 Chạp – mùng 4 (16–20/2), with the two weekends: 14–22/2.
    ...holidays('tet', ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']),
  ],
};
