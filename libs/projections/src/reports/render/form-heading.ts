import { monthsSinceOctober, reportingYearOf } from '../../statistics/reporting-period';
import { ReportForm } from '../form-shape';

/** What the print needs besides the figures: who receives the report, and the day it is made. */
export interface PrintContext {
  /** Đơn vị nhận báo cáo: the unit above, or the Ministry for the central unit. */
  receiverName: string;
  /** The day the form is printed (ngày lập biểu), YYYY-MM-DD in Vietnam. */
  preparedOn: string;
}

export const vnDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** "6 tháng năm 2025 (01/10/2024 – 31/03/2025)": cumulative from 1 October (docs/domain.md §4.2). */
export const periodLabel = (from: string, to: string): string => {
  const months = monthsSinceOctober(to);
  const name = months === 12 ? 'Năm' : `${months} tháng năm`;
  return `${name} ${reportingYearOf(to)} (từ ${vnDate(from)} đến ${vnDate(to)})`;
};

/** The heading lines every format prints above the table, in order. */
export const headingLines = (form: ReportForm, ctx: PrintContext): Array<[string, string]> => [
  ['Biểu số', `${form.form}: ${form.title.toUpperCase()}`],
  ['Ban hành kèm theo', form.basis],
  ['Đơn vị báo cáo', form.unitName],
  ['Đơn vị nhận báo cáo', ctx.receiverName],
  ['Kỳ báo cáo', periodLabel(form.from, form.to)],
  ['Đơn vị tính', form.unit],
  [
    'Số liệu',
    form.asKnownAt === null
      ? `đến thời điểm lập biểu, ngày ${vnDate(ctx.preparedOn)}`
      : `như đã biết tại ${form.asKnownAt}`,
  ],
];

/** The notes under the table: the layout caveat, the rounding, the identities in column numbers. */
export const footnotes = (form: ReportForm): string[] => {
  const number = new Map(form.columns.map((c) => [c.key, `(${c.number})`]));
  const inNumbers = (identity: string) => identity.replace(/[A-Za-z]+/g, (k) => number.get(k) ?? k);
  return [
    form.layoutNote,
    // A unit formed by a reorganisation reports what the units it continues did (docs/reorganisation.md §4).
    ...(form.includes?.length
      ? [`Số liệu gồm cả các đơn vị được hợp nhất vào đơn vị báo cáo: ${form.includes.join(', ')}.`]
      : []),
    ...(form.rounding ? [form.rounding] : []),
    `Quan hệ giữa các cột: ${form.identities.map(inNumbers).join('; ')}.`,
  ];
};

export const SIGNATURES = [
  { title: 'Người lập biểu', hint: '(Ký, ghi rõ họ tên)' },
  { title: 'Thủ trưởng đơn vị', hint: '(Ký tên, đóng dấu)' },
];

/** The column groups as spans, for merged headings: [group or label, first index, count]. */
export const groupSpans = (form: ReportForm): Array<{ group?: string; start: number; count: number }> => {
  const spans: Array<{ group?: string; start: number; count: number }> = [];
  form.columns.forEach((c, i) => {
    const last = spans[spans.length - 1];
    if (c.group && last?.group === c.group) last.count++;
    else spans.push({ group: c.group, start: i, count: 1 });
  });
  return spans;
};
