import { ReportForm } from '../form-shape';
import { footnotes, groupSpans, headingLines, PrintContext, SIGNATURES, vnDate } from './form-heading';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
/** Vietnamese figures: 10.232; 47,30. */
export const vnFigure = (v: string) => {
  const [whole, fraction] = v.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction === undefined ? grouped : `${grouped},${fraction}`;
};

/** The print view: A4 landscape, the heading, the table with merged headings, notes and signatures. */
export const formHtml = (form: ReportForm, ctx: PrintContext): string => {
  const heading = headingLines(form, ctx);
  const spans = groupSpans(form);
  const top = spans
    .map((s) =>
      s.group
        ? `<th colspan="${s.count}">${esc(s.group)}</th>`
        : `<th rowspan="2">${esc(form.columns[s.start].label)}</th>`,
    )
    .join('');
  const second = form.columns
    .filter((c) => c.group)
    .map((c) => `<th>${esc(c.label)}</th>`)
    .join('');
  const numbers = form.columns.map((c) => `<td>(${c.number})</td>`).join('');
  const line = (label: string, cells: Record<string, string>, cls: string) =>
    `<tr class="${cls}"><td class="name">${esc(label)}</td>${form.columns.map((c) => `<td>${vnFigure(cells[c.key])}</td>`).join('')}</tr>`;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Biểu số ${esc(form.form)} – ${esc(form.unitName)}</title>
<style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Times New Roman", serif; font-size: 10pt; margin: 0; padding: 8mm; }
header { display: flex; justify-content: space-between; }
header .left p, header .right p { margin: 0 0 2px 0; }
h1 { font-size: 13pt; text-align: center; margin: 6px 0 2px 0; }
.period { text-align: center; margin: 0 0 8px 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 2px 3px; }
th { font-weight: bold; font-size: 8.5pt; text-align: center; vertical-align: middle; }
td { text-align: right; font-size: 9pt; white-space: nowrap; }
td.name { text-align: left; white-space: normal; min-width: 190px; }
tr.numbers td { text-align: center; font-style: italic; font-size: 8pt; }
tr.depth-0 td { font-weight: bold; }
tr.depth-1 td.name { padding-left: 14px; }
tr.totals td { font-weight: bold; background: #f0f0f0; }
.notes { font-size: 8.5pt; margin-top: 6px; }
.signatures { display: flex; justify-content: space-around; margin-top: 12px; text-align: center; }
.signatures p { margin: 0; }
</style></head><body>
<header><div class="left">${heading
    .filter(([k]) => ['Đơn vị báo cáo', 'Đơn vị nhận báo cáo'].includes(k))
    .map(([k, v]) => `<p>${esc(k)}: <b>${esc(v)}</b></p>`)
    .join('')}</div>
<div class="right"><p>Biểu số ${esc(form.form)}</p><p>${esc(form.basis)}</p><p>Đơn vị tính: ${esc(form.unit)}</p></div></header>
<h1>${esc(form.title.toUpperCase())}</h1>
<p class="period">Kỳ báo cáo: ${esc(heading.find(([k]) => k === 'Kỳ báo cáo')![1])}</p>
<table>
<thead><tr><th rowspan="2">Tên đơn vị</th>${top}</tr><tr>${second}</tr><tr class="numbers"><td>A</td>${numbers}</tr></thead>
<tbody>
${form.rows.map((r) => line(r.label, r.cells, `depth-${r.depth}`)).join('\n')}
${line('Tổng cộng', form.totals, 'totals')}
</tbody></table>
<div class="notes">${footnotes(form)
    .map((n) => `<p>${esc(n)}</p>`)
    .join('')}<p>Số liệu: ${esc(heading.find(([k]) => k === 'Số liệu')![1])}</p></div>
<div class="signatures">${SIGNATURES.map((s, i) => `<div>${i === 1 ? `<p><i>Ngày ${vnDate(ctx.preparedOn)}</i></p>` : '<p>&nbsp;</p>'}<p><b>${s.title}</b></p><p><i>${s.hint}</i></p></div>`).join('')}</div>
</body></html>
`;
};
