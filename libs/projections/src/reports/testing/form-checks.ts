import ExcelJS from 'exceljs';
import { ReportForm } from '../form-shape';
import { XLSX_LAYOUT } from '../render/form-xlsx';

const value = (cells: Record<string, string>, key: string) => BigInt(cells[key]);

/** Each identity of the form ("a = b + c - d") holds on a line of figures. */
export const identityFailures = (form: ReportForm, cells: Record<string, string>, where: string): string[] =>
  form.identities.flatMap((identity) => {
    const [left, right] = identity.split(' = ');
    const terms = right.split(' ').reduce<{ sum: bigint; sign: bigint }>(
      (acc, t) => {
        if (t === '+') return { ...acc, sign: 1n };
        if (t === '-') return { ...acc, sign: -1n };
        return { sum: acc.sum + acc.sign * value(cells, t), sign: 1n };
      },
      { sum: 0n, sign: 1n },
    ).sum;
    return value(cells, left) === terms ? [] : [`${where}: ${identity} (${cells[left]} ≠ ${terms})`];
  });

/**
 * The form's identities on every row and the totals, and its sums: the totals are the sum of the
 * units (depth 0), and each unit the sum of its split rows (depth 1), column by column.
 */
export const formFailures = (form: ReportForm): string[] => {
  const failures = [
    ...form.rows.flatMap((r) => identityFailures(form, r.cells, r.rowKey)),
    ...identityFailures(form, form.totals, 'totals'),
  ];
  const keys = form.columns.map((c) => c.key).filter((k) => k !== 'rate');
  const tops = form.rows.filter((r) => r.depth === 0);
  for (const k of keys) {
    const sum = tops.reduce((t, r) => t + value(r.cells, k), 0n);
    if (sum !== value(form.totals, k)) failures.push(`totals.${k} ${form.totals[k]} ≠ Σ units ${sum}`);
  }
  form.rows.forEach((r, i) => {
    if (r.depth !== 0) return;
    const parts: typeof form.rows = [];
    for (let j = i + 1; j < form.rows.length && form.rows[j].depth === 1; j++) parts.push(form.rows[j]);
    if (parts.length === 0) return;
    for (const k of keys) {
      const sum = parts.reduce((t, p) => t + value(p.cells, k), 0n);
      if (sum !== value(r.cells, k)) failures.push(`${r.rowKey}.${k} ${r.cells[k]} ≠ Σ parts ${sum}`);
    }
  });
  return failures;
};

/** Reads an .xlsx back and lists every table cell that differs from the JSON form (empty: identical). */
export const xlsxDifferences = async (buffer: Buffer, form: ReportForm): Promise<string[]> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const L = XLSX_LAYOUT;
  const differences: string[] = [];
  const expectCell = (row: number, col: number, expected: unknown, where: string) => {
    const actual = ws.getCell(row, col).value;
    if (actual !== expected)
      differences.push(`${where}: xlsx ${JSON.stringify(actual)} ≠ JSON ${JSON.stringify(expected)}`);
  };
  form.columns.forEach((c, j) =>
    expectCell(L.numberRow, L.firstFigureColumn + j, `(${c.number})`, `number of ${c.key}`),
  );
  const lines = [
    ...form.rows.map((r) => ({ key: r.rowKey, label: `${'   '.repeat(r.depth)}${r.label}`, cells: r.cells })),
    { key: 'totals', label: 'Tổng cộng', cells: form.totals },
  ];
  lines.forEach((line, i) => {
    expectCell(L.firstDataRow + i, 1, line.label, `${line.key} label`);
    form.columns.forEach((c, j) =>
      expectCell(L.firstDataRow + i, L.firstFigureColumn + j, Number(line.cells[c.key]), `${line.key}.${c.key}`),
    );
  });
  const after = ws.getCell(L.firstDataRow + lines.length, 1).value;
  if (after !== null && after !== undefined && after !== '')
    differences.push(`a line after the totals: ${JSON.stringify(after)}`);
  return differences;
};
