import ExcelJS from 'exceljs';
import { ReportForm } from '../form-shape';
import { footnotes, groupSpans, headingLines, PrintContext, SIGNATURES, vnDate } from './form-heading';

/** Where the table sits, so a reader (and the tests) finds each cell: rows and columns are 1-based. */
export const XLSX_LAYOUT = {
  /** The heading lines take rows 1..7, a blank row, then three heading rows of the table. */
  groupRow: 9,
  labelRow: 10,
  numberRow: 11,
  firstDataRow: 12,
  /** Column A is the unit's name; the form's column i (0-based) is column i + 2. */
  firstFigureColumn: 2,
} as const;

const THIN = { style: 'thin' as const };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * The form as an .xlsx workbook (exceljs): the heading, merged column headings, figures as numbers
 * with a number format (#,##0; rates 0.00), frozen panes below the headings and right of the
 * names, A4 landscape fitted to one page wide, the notes and the signature block.
 */
export const formXlsx = async (form: ReportForm, ctx: PrintContext): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thads';
  wb.created = new Date(`${ctx.preparedOn}T00:00:00Z`);
  const ws = wb.addWorksheet(`Biểu ${form.form}`, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
    },
    views: [{ state: 'frozen', xSplit: 1, ySplit: XLSX_LAYOUT.numberRow }],
  });
  const L = XLSX_LAYOUT;
  const last = L.firstFigureColumn + form.columns.length - 1;
  headingLines(form, ctx).forEach(([k, v], i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = k;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = v;
    ws.mergeCells(i + 1, 2, i + 1, last);
  });
  ws.getCell(1, 2).font = { bold: true, size: 13 };

  const name = ws.getCell(L.groupRow, 1);
  name.value = 'Tên đơn vị';
  ws.mergeCells(L.groupRow, 1, L.labelRow, 1);
  for (const span of groupSpans(form)) {
    const col = L.firstFigureColumn + span.start;
    if (span.group) {
      ws.getCell(L.groupRow, col).value = span.group;
      if (span.count > 1) ws.mergeCells(L.groupRow, col, L.groupRow, col + span.count - 1);
      for (let i = 0; i < span.count; i++) ws.getCell(L.labelRow, col + i).value = form.columns[span.start + i].label;
    } else {
      ws.getCell(L.groupRow, col).value = form.columns[span.start].label;
      ws.mergeCells(L.groupRow, col, L.labelRow, col);
    }
  }
  ws.getCell(L.numberRow, 1).value = 'A';
  form.columns.forEach((c, i) => {
    ws.getCell(L.numberRow, L.firstFigureColumn + i).value = `(${c.number})`;
  });
  for (let r: number = L.groupRow; r <= L.numberRow; r++) {
    for (let c = 1; c <= last; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { bold: r !== L.numberRow, italic: r === L.numberRow, size: 9 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BOX;
    }
  }
  ws.getRow(L.labelRow).height = 42;

  const lines = [
    ...form.rows.map((r) => ({ label: `${'   '.repeat(r.depth)}${r.label}`, cells: r.cells, bold: r.depth === 0 })),
    { label: 'Tổng cộng', cells: form.totals, bold: true },
  ];
  lines.forEach((line, i) => {
    const row = ws.getRow(L.firstDataRow + i);
    row.getCell(1).value = line.label;
    form.columns.forEach((c, j) => {
      const cell = row.getCell(L.firstFigureColumn + j);
      cell.value = Number(line.cells[c.key]);
      cell.numFmt = c.key === 'rate' ? '0.00' : '#,##0';
    });
    for (let c = 1; c <= last; c++) {
      row.getCell(c).border = BOX;
      row.getCell(c).font = { bold: line.bold, size: 9 };
    }
  });

  let r = L.firstDataRow + lines.length + 1;
  for (const note of footnotes(form)) {
    ws.getCell(r, 1).value = note;
    ws.getCell(r, 1).font = { italic: true, size: 8 };
    ws.mergeCells(r, 1, r, last);
    r++;
  }
  r++;
  const half = Math.max(2, Math.floor(last / 2));
  ws.getCell(r, half + 1).value = `Ngày ${vnDate(ctx.preparedOn)}`;
  SIGNATURES.forEach((s, i) => {
    const col = i === 0 ? 1 : half + 1;
    ws.getCell(r + 1, col).value = s.title;
    ws.getCell(r + 1, col).font = { bold: true };
    ws.getCell(r + 2, col).value = s.hint;
    ws.getCell(r + 2, col).font = { italic: true };
  });
  ws.getColumn(1).width = 34;
  for (let c = 2; c <= last; c++) ws.getColumn(c).width = 12;
  ws.pageSetup.printArea = `A1:${ws.getColumn(last).letter}${r + 6}`;
  ws.pageSetup.printTitlesRow = `${L.groupRow}:${L.numberRow}`;
  return Buffer.from(await wb.xlsx.writeBuffer());
};
