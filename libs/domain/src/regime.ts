import { LocalDate } from './local-date';

/**
 * The legal regime in force on a date (DOMAIN.md §0). Every rule that depends on the law is
 * chosen by the regime of the date of the step it judges.
 * - '2009': Luật THADS 26/2008/QH12 as first enacted, 01/07/2009 – 30/06/2015.
 * - '2015': as amended by Luật 64/2014/QH13, with NĐ 62/2015, 01/07/2015 – 30/06/2026.
 * - '2026': Luật THADS 106/2025/QH15 and NĐ 152/2026/NĐ-CP, from 01/07/2026.
 */
export type Regime = '2009' | '2015' | '2026';

export const REGIME_STARTS: ReadonlyArray<{ regime: Regime; from: LocalDate; law: string }> = [
  { regime: '2026', from: '2026-07-01', law: 'Luật THADS số 106/2025/QH15; NĐ 152/2026/NĐ-CP' },
  { regime: '2015', from: '2015-07-01', law: 'Luật THADS 2008 sửa đổi bởi Luật 64/2014/QH13; NĐ 62/2015/NĐ-CP' },
  { regime: '2009', from: '0000-01-01', law: 'Luật THADS số 26/2008/QH12' },
];

export const regimeOn = (date: LocalDate): Regime => REGIME_STARTS.find((r) => date >= r.from)!.regime;
