import { WorkingDayCalendar } from '../calendar/calendar';
import { Confidence } from '../calendar/calendar-day';
import { LocalDate } from '../local-date';
import { LegalBasis } from './deadline-rule';

/**
 * Who sends a statistical report up the chain: the enforcer (Chấp hành viên), the district-level
 * agency (Chi cục; from 1 July 2025 the regional office) and the provincial one (Cục; from 1 July
 * 2025 THADS tỉnh).
 */
export const REPORT_LEVELS = ['enforcer', 'district', 'province'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

/**
 * A statistical report is due a number of working days after its period ends (row 41; docs/deadlines.md "Statistical reports").
 * These are terms of the agency, counted on its calendar; they are not a case's deadlines.
 */
export interface ReportDeadline {
  level: ReportLevel;
  title: string;
  appliesFrom: LocalDate;
  appliesUntil?: LocalDate;
  length: number;
  unit: 'workingDays';
  calendar: 'agency';
  legalBasis: LegalBasis;
  confidence: Confidence;
  note?: string;
}

const TT_06_2019 = 'Thông tư 06/2019/TT-BTP';
const TT_05_2024 = 'Thông tư 05/2024/TT-BTP';
const TITLES: Record<ReportLevel, string> = {
  enforcer: 'Chấp hành viên gửi báo cáo thống kê',
  district: 'Cơ quan THADS cấp huyện (khu vực) gửi báo cáo thống kê',
  province: 'Cơ quan THADS cấp tỉnh gửi báo cáo thống kê',
};
const LENGTHS: Record<ReportLevel, number> = { enforcer: 1, district: 2, province: 4 };

// TT 05/2024 Điều 10.1 was read for the enforcer only; the other levels keep TT 06/2019's days
// until checked. TT 05/2026/TT-BTP (from 1 July 2026) was not read: no entry from then.
export const REPORT_DEADLINES: ReadonlyArray<ReportDeadline> = REPORT_LEVELS.flatMap((level): ReportDeadline[] => [
  {
    level,
    title: TITLES[level],
    appliesFrom: '2020-01-05',
    appliesUntil: '2024-07-25',
    length: LENGTHS[level],
    unit: 'workingDays',
    calendar: 'agency',
    legalBasis: { law: TT_06_2019, article: 'Điều 9.2' },
    confidence: 'sure',
  },
  {
    level,
    title: TITLES[level],
    appliesFrom: '2024-07-26',
    appliesUntil: '2026-06-30',
    length: LENGTHS[level],
    unit: 'workingDays',
    calendar: 'agency',
    legalBasis: {
      law: TT_05_2024,
      article: level === 'enforcer' ? 'Điều 10.1' : 'Điều 10 (khoản cụ thể chưa đối chiếu)',
    },
    confidence: level === 'enforcer' ? 'sure' : 'unsure',
    ...(level !== 'enforcer' && {
      note: 'Days of TT 06/2019 Điều 9.2 kept: TT 05/2024 Điều 10 was read only for the enforcer.',
    }),
  },
]);

/** The day a report for the period ending `periodEnd` is due, or undefined when no rule is modelled for it. */
export const reportDueDate = (
  periodEnd: LocalDate,
  level: ReportLevel,
  calendar: WorkingDayCalendar,
): LocalDate | undefined => {
  const rule = REPORT_DEADLINES.find(
    (r) => r.level === level && periodEnd >= r.appliesFrom && (!r.appliesUntil || periodEnd <= r.appliesUntil),
  );
  return rule && calendar.addWorkingDays(periodEnd, rule.length);
};
