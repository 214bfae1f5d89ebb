import { ReportForm } from '../form-shape';
import { headingLines, PrintContext } from './form-heading';

const cell = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * CSV for a spreadsheet: the heading lines, then one line of column keys, one of labels, then a
 * line per row and the totals, figures exactly as in the JSON form. UTF-8 with a BOM (Excel).
 */
export const formCsv = (form: ReportForm, ctx: PrintContext): string => {
  const lines: string[][] = [
    ...headingLines(form, ctx).map(([k, v]) => [k, v]),
    [],
    ['rowKey', 'Tên đơn vị', ...form.columns.map((c) => c.key)],
    ['', '', ...form.columns.map((c) => `(${c.number}) ${c.group ? `${c.group}: ` : ''}${c.label}`)],
    ...form.rows.map((r) => [
      r.rowKey,
      `${'  '.repeat(r.depth)}${r.label}`,
      ...form.columns.map((c) => r.cells[c.key]),
    ]),
    ['totals', 'Tổng cộng', ...form.columns.map((c) => form.totals[c.key])],
  ];
  return `\uFEFF${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`;
};
