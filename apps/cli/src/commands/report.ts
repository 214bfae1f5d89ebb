import { endOfLocalDay } from '@thads/application';
import { formatVnd, isLocalDate } from '@thads/domain';
import {
  monthsSinceOctober,
  parseKnownAt,
  REPORT_ROWS,
  reportingYearOf,
  StatisticsQueries,
  StatisticsReport,
  UnitQueries,
} from '@thads/projections';
import { Args, flag, UsageError } from '../args';
import { CliContext } from '../context';
import { currentReadModels } from '../read-models';
import { reportFormCommand } from './report-form';

const USAGE =
  'usage: thads report --unit U --from YYYY-MM-DD --to YYYY-MM-DD [--as-known-at POSITION|INSTANT|DATE] [--format table|json|csv | --json]';
const vnDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
/** Vietnamese figures: 10.232 việc; 47,30 %; 228.188.311.000 đ. */
const vnCount = (n: number | string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const vnRate = (r: string) => r.replace('.', ',');

/**
 * `thads report --unit U --from D --to D [--as-known-at T]`: the statistics report form (docs/domain.md
 * §4.4) with the office's row labels, by cases and by money, beside the same period a year earlier.
 */
export const reportCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  if (args.flags.form !== undefined) return reportFormCommand(args, ctx);
  const [unitId, from, to, knownAtText] = ['unit', 'from', 'to', 'as-known-at'].map((name) => flag(args, name));
  const format = args.flags.json === true ? 'json' : (flag(args, 'format') ?? 'table');
  if (!unitId || !from || !to) throw new UsageError(USAGE);
  if (!isLocalDate(from) || !isLocalDate(to) || from > to)
    throw new UsageError('--from and --to must be dates YYYY-MM-DD, --from not after --to');
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError('--format must be table, json or csv');
  const knownAt = knownAtText === undefined ? undefined : parseKnownAt(knownAtText, endOfLocalDay);
  if (knownAtText !== undefined && !knownAt)
    throw new UsageError('--as-known-at must be a log position, an ISO-8601 instant or a date YYYY-MM-DD');
  const db = await currentReadModels(ctx);
  try {
    const unit = await new UnitQueries(db).find(unitId);
    if (!unit) throw new UsageError(`unknown unit ${unitId}`);
    const report = await new StatisticsQueries(db).report({ unitId, from, to, knownAt });
    if (format === 'json') ctx.out.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (format === 'csv') ctx.out.write(csv(report));
    else ctx.out.write(table(report, unit.name));
    return 0;
  } finally {
    await db.close();
  }
};

const rowsOf = (r: StatisticsReport) =>
  REPORT_ROWS.map(({ key, label, depth }) => {
    const cases = key === 'reduced' ? '' : String(r.cases[key]);
    const last = r.samePeriodLastYear;
    return {
      key,
      label: `${'  '.repeat(depth)}${label}`,
      cases,
      money: r.money[key],
      lastCases: last && key !== 'reduced' ? String(last.cases[key]) : '',
      lastMoney: last?.money[key] ?? '',
    };
  });

const csv = (r: StatisticsReport): string => {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    ['key', 'chỉ tiêu', 'việc', 'tiền (đồng)', 'cùng kỳ: việc', 'cùng kỳ: tiền'],
    ...rowsOf(r).map((x) => [x.key, x.label.trim(), x.cases, x.money, x.lastCases, x.lastMoney]),
  ];
  return `\uFEFF${lines.map((l) => l.map(cell).join(',')).join('\n')}\n`;
};

const table = (r: StatisticsReport, unitName: string): string => {
  const show = (key: string, v: string, money: boolean) =>
    v === '' ? '–' : key === 'rate' ? vnRate(v) : money ? formatVnd(BigInt(v)) : vnCount(v);
  const rows = rowsOf(r).map((x) => [
    x.label,
    show(x.key, x.cases, false),
    show(x.key, x.money, true),
    show(x.key, x.lastCases, false),
    show(x.key, x.lastMoney, true),
  ]);
  const header = ['Chỉ tiêu', 'Việc', 'Tiền', 'Cùng kỳ: việc', 'Cùng kỳ: tiền'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  const months = monthsSinceOctober(r.to);
  const gap = (g: string) => (g.startsWith('-') ? `thiếu ${vnRate(g.slice(1))}` : `vượt ${vnRate(g)}`);
  return [
    'BÁO CÁO KẾT QUẢ THI HÀNH ÁN DÂN SỰ',
    `Đơn vị: ${unitName} (${r.unitId}), gồm các đơn vị cấp dưới`,
    `Kỳ báo cáo: ${vnDate(r.from)} – ${vnDate(r.to)} (${months} tháng, năm ${reportingYearOf(r.to)})`,
    `Số liệu: ${r.asKnownAt === null ? 'đến thời điểm hiện tại' : `như đã biết tại ${r.asKnownAt}`}`,
    '',
    line(header),
    ...rows.map(line),
    '',
    ...(r.target
      ? [
          `Chỉ tiêu được giao: việc ${vnRate(r.target.cases)} % (${gap(r.target.casesGap)} %), tiền ${vnRate(r.target.money)} % (${gap(r.target.moneyGap)} %)`,
        ]
      : []),
    '',
  ].join('\n');
};
