import { CaseHistory } from './case-history';
import { describeEventData } from './describe-event';
import { HISTORY_COLUMNS, historyTitle } from './history-rows';
import { formatDate, formatVndString } from './vietnamese-format';
import { anchorLine, eventsAfterAnchor } from './anchor-line';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every text that came from a request (names, notes, ids) goes through this before the page. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

// A4 landscape, headings repeated on every printed page, no row split across pages.
const STYLE = `
body { font-family: "Times New Roman", "Noto Serif", serif; font-size: 11pt; margin: 16px; color: #000; }
h1 { font-size: 15pt; text-transform: uppercase; text-align: center; margin: 0 0 6px; }
.subtitle { text-align: center; margin: 0 0 12px; }
dl { display: grid; grid-template-columns: max-content auto; gap: 2px 12px; margin: 0 0 12px; }
dt { font-weight: bold; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border: 1px solid #444; padding: 3px 4px; vertical-align: top; text-align: left; }
th { background: #eee; }
td.money { text-align: right; white-space: nowrap; }
tr.late td { background: #fff3cd; }
tr.voided td { text-decoration: line-through; color: #666; }
.integrity-ok { color: #185c1e; } .integrity-broken { color: #a00; font-weight: bold; }
footer { margin-top: 12px; font-size: 9pt; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  th, tr.late td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

const MONEY_HEADINGS = new Set(['Phải thi hành', 'Đã thu', 'Đã chi trả', 'Đã miễn, giảm', 'Còn phải thi hành']);

export interface IntegritySummary {
  valid: boolean;
  checked: number;
  firstBroken?: { revision: number; reason: string };
}

const facts = (h: CaseHistory): Array<[string, string]> => {
  const c = h.case;
  const rows: Array<[string, string]> = [];
  if (c) {
    rows.push(['Đơn vị', c.unitId], ['Ngày tiếp nhận', formatDate(c.receivedOn)]);
    rows.push(['Bản án', describeEventData({ judgment: c.judgment }).replace(/^Bản án: /, '')]);
    rows.push(['Người được thi hành', c.creditor.name], ['Người phải thi hành', c.debtor.name]);
  }
  rows.push(['Trạng thái', h.stateLabel]);
  if (h.amounts)
    rows.push([
      'Phải thi hành / đã thu / còn lại',
      [h.amounts.due, h.amounts.collected, h.amounts.remaining].map(formatVndString).join(' / '),
    ]);
  return rows;
};

const integrityLine = (i: IntegritySummary) =>
  i.valid
    ? `<p class="integrity-ok">Kiểm tra chuỗi băm: toàn vẹn (${i.checked} sự kiện).</p>`
    : `<p class="integrity-broken">Kiểm tra chuỗi băm: BỊ THAY ĐỔI tại sự kiện số ${i.firstBroken?.revision} (${escapeHtml(i.firstBroken?.reason ?? '')}).</p>`;

/** A printable page of the history: Vietnamese labels, dates dd/mm/yyyy, amounts in đồng, no script. */
export const historyHtml = (h: CaseHistory, integrity?: IntegritySummary): string => {
  const [title, ...subtitle] = historyTitle(h);
  const head = HISTORY_COLUMNS.map((c) => `<th scope="col">${escapeHtml(c.heading)}</th>`).join('');
  const body = h.events
    .map((e) => {
      const cls = [e.lateRecorded ? 'late' : '', e.correctedBy ? 'voided' : ''].filter(Boolean).join(' ');
      const cells = HISTORY_COLUMNS.map(
        (c) => `<td${MONEY_HEADINGS.has(c.heading) ? ' class="money"' : ''}>${escapeHtml(c.cell(e))}</td>`,
      ).join('');
      return `<tr${cls ? ` class="${cls}"` : ''}>${cells}</tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`Lịch sử ${title}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Lịch sử việc thi hành án dân sự</h1>
<p class="subtitle">${[title, ...subtitle].map(escapeHtml).join(' · ')}</p>
<dl>${facts(h)
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join('')}</dl>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<footer>
${integrity ? integrityLine(integrity) : ''}
${h.anchor ? `<p class="anchor">Mốc neo nhật ký: ${escapeHtml(anchorLine(h.anchor, eventsAfterAnchor(h.events, h.anchor)))}.</p>` : ''}
<p>Dòng tô màu: bước được ghi nhận muộn hơn ${h.lateRecordingDays} ngày sau ngày của bước. Dòng gạch ngang: bước đã bị đính chính (vẫn được lưu trong sổ).</p>
</footer>
</body>
</html>
`;
};
