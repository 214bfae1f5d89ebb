import { Regime } from './regime-forms';

/**
 * TT 05/2024/TT-BTP (10/06/2024), in force 26/07/2024 – 30/06/2026: twelve forms, listed in its
 * Điều 2 (docs/domain.md §4.1, §9.6). Their column layout was not read (§9.8 item 5).
 */
export const TT_05_2024: Regime = {
  regime: 'Thông tư 05/2024/TT-BTP',
  appliesFrom: '2024-07-26',
  appliesUntil: '2026-06-30',
  formsArticle: 'Điều 2',
  layoutNote:
    'Bố cục cột chính thức của biểu mẫu TT 05/2024 chưa được đối chiếu (docs/domain.md §9.8 mục 5): các cột theo cấu trúc docs/domain.md §4.4; số thứ tự cột là của hệ thống.',
};

/**
 * TT 06/2019/TT-BTP, in force 05/01/2020 – 25/07/2024. Its forms were not read either: the same
 * structure and numbers are used, so that a period of those years can still be reported.
 */
export const TT_06_2019: Regime = {
  regime: 'Thông tư 06/2019/TT-BTP',
  appliesFrom: '2020-01-05',
  appliesUntil: '2024-07-25',
  formsArticle: 'Điều 2 (số biểu chưa đối chiếu)',
  layoutNote:
    'Biểu mẫu TT 06/2019 chưa được đối chiếu: số biểu và các cột theo TT 05/2024 như hệ thống dựng lại (docs/domain.md §4.4).',
};

/**
 * TT 05/2026/TT-BTP replaces TT 05/2024 from 01/07/2026; its content was not read (docs/domain.md
 * §4.1, §9.8 item 7). Provisional: TT 05/2024's structure is kept, and says so on every form.
 */
export const TT_05_2026_PROVISIONAL: Regime = {
  regime: 'Thông tư 05/2026/TT-BTP (tạm theo cấu trúc TT 05/2024)',
  appliesFrom: '2026-07-01',
  formsArticle: '(nội dung chưa đối chiếu)',
  layoutNote:
    'TT 05/2026/TT-BTP chưa được đối chiếu (docs/domain.md §9.8 mục 7): tạm dùng cấu trúc biểu mẫu TT 05/2024 như hệ thống dựng lại.',
};
