import { LocalDate } from './local-date';

/**
 * The legal regimes the rules model, each with the day its law came into force. Every rule that
 * depends on the law is chosen by the regime of one date (the step judged, or the day the term
 * starts): see docs/deadlines.md.
 * - '2009': Luật THADS 26/2008/QH12 as first enacted, from 01/07/2009.
 * - '2015': as amended by Luật 64/2014/QH13, from 01/07/2015; its decree NĐ 62/2015/NĐ-CP only
 *   from 01/09/2015, so rules written in that decree begin then (`appliesFrom`).
 * - '2026': Luật THADS 106/2025/QH15 and NĐ 152/2026/NĐ-CP, from 01/07/2026.
 * Before 01/07/2009 no regime is modelled: an event then gets no rule, never a later law's.
 */
export type Regime = '2009' | '2015' | '2026';

export interface RegimeInfo {
  regime: Regime;
  /** First day in force. */
  from: LocalDate;
  /** Last day in force, when a later regime replaced it. */
  until?: LocalDate;
  law: string;
  /** The implementing decrees and the day each came into force (rules written in them begin then). */
  decrees: ReadonlyArray<{ name: string; from: LocalDate; until?: LocalDate }>;
}

export const REGIMES: ReadonlyArray<RegimeInfo> = [
  {
    regime: '2009',
    from: '2009-07-01',
    until: '2015-06-30',
    law: 'Luật THADS số 26/2008/QH12',
    decrees: [
      {
        name: 'NĐ 58/2009/NĐ-CP (không mô hình hóa; ngày hiệu lực chưa đối chiếu)',
        from: '2009-07-01',
        until: '2015-08-31',
      },
    ],
  },
  {
    regime: '2015',
    from: '2015-07-01',
    until: '2026-06-30',
    law: 'Luật THADS 2008 sửa đổi bởi Luật 64/2014/QH13',
    decrees: [{ name: 'NĐ 62/2015/NĐ-CP (ngày 18/07/2015)', from: '2015-09-01', until: '2026-06-30' }],
  },
  {
    regime: '2026',
    from: '2026-07-01',
    law: 'Luật THADS số 106/2025/QH15',
    decrees: [{ name: 'NĐ 152/2026/NĐ-CP', from: '2026-07-01' }],
  },
];

/** The first day of the earliest modelled regime. */
export const FIRST_REGIME_DAY: LocalDate = REGIMES[0].from;

/** The first day NĐ 62/2015/NĐ-CP (signed 18/07/2015) was in force, as the official codification (Pháp điển 30.2.NĐ.1) notes. */
export const DECREE_62_FROM: LocalDate = '2015-09-01';

/** The regime in force on a date, or undefined before 1 July 2009 (no modelled law). */
export const regimeOn = (date: LocalDate): Regime | undefined => {
  for (let i = REGIMES.length - 1; i >= 0; i -= 1) if (date >= REGIMES[i].from) return REGIMES[i].regime;
  return undefined;
};
