import { CaseHistory } from './case-history';
import { HISTORY_COLUMNS } from './history-rows';
import { anchorLine, eventsAfterAnchor } from './anchor-line';

// Spreadsheets run a cell that starts with one of these as a formula: a note typed as
// "=HYPERLINK(…)" must stay text in the auditor's copy (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

export const csvCell = (value: string): string => {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * The history as CSV (RFC 4180: CRLF, quoted fields) with Vietnamese headings. The leading BOM
 * makes Excel read the file as UTF-8, so Vietnamese letters survive a double-click.
 */
export const historyCsv = (history: CaseHistory): string => {
  const rows = [
    HISTORY_COLUMNS.map((c) => c.heading),
    ...history.events.map((e) => HISTORY_COLUMNS.map((c) => c.cell(e))),
  ];
  // The anchor last, as wide as the other rows (RFC 4180: the same number of fields in each).
  if (history.anchor)
    rows.push([
      'Mốc neo nhật ký',
      anchorLine(history.anchor, eventsAfterAnchor(history.events, history.anchor)),
      ...Array<string>(Math.max(HISTORY_COLUMNS.length - 2, 0)).fill(''),
    ]);
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
};
