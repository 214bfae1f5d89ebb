import { recordCase, TEST_CASE_ID } from '../testing/recorded-case';
import { buildCaseHistory } from './case-history';
import { historyCsv } from './history-csv';
import { escapeHtml, historyHtml } from './history-html';
import { parseHistoryQuery } from './history-query';

const history = (note = 'thu đợt 1') =>
  buildCaseHistory(
    TEST_CASE_ID,
    recordCase([
      { step: 'receive', on: '2025-01-24', data: { debtor: { name: 'Trần <b>Bình</b> & "con"' } } },
      { step: 'decide', on: '2025-02-03' },
      {
        step: 'collect',
        on: '2025-02-05',
        recordedAt: '2025-03-01T03:00:00.000Z',
        data: { amount: '228188311000', note },
      },
    ]),
    {},
    { today: '2025-12-01' },
  );

describe('the history for the auditor', () => {
  it('exports CSV with Vietnamese headings, dd/mm/yyyy dates and amounts in đồng', () => {
    const csv = historyCsv(history());
    const [head, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(head).toMatch(/^Số thứ tự,Ngày,Bước,Nội dung,Trạng thái sau bước,Phải thi hành,Đã thu/);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain('05/02/2025,Thu tiền,');
    expect(rows[2]).toContain('228.188.311.000 đ');
    expect(rows[2]).toContain('Có (24 ngày)');
    expect(rows[2]).toContain('01/03/2025 10:00');
  });

  it('quotes fields, and keeps a cell a spreadsheet would run as a formula as text', () => {
    const h = history('a "quoted", note');
    h.events[2].actor = { ...h.events[2].actor, id: '@SUM' };
    const csv = historyCsv(h);
    expect(csv).toContain('"Số tiền: 228.188.311.000 đ; Ghi chú: a ""quoted"", note"');
    expect(csv).toContain(`'@SUM (Chấp hành viên, kg-pq)`);
  });

  it('renders a printable page with escaped text and print CSS', () => {
    const html = historyHtml(history('<script>alert(1)</script>'), { valid: true, checked: 3 });
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    expect(html).toContain('@media print');
    expect(html).toContain('Trần &lt;b&gt;Bình&lt;/b&gt; &amp; &quot;con&quot;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<tr class="late">');
    expect(html).toContain('toàn vẹn (3 sự kiện)');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('reads asOf as a date and asKnownAt as an instant with its offset (or a date: the end of that local day)', () => {
    expect(parseHistoryQuery({ asOf: '2025-02-28', asKnownAt: '2025-03-01T09:00:00+07:00' }).query).toEqual({
      asOf: '2025-02-28',
      asKnownAt: new Date('2025-03-01T02:00:00.000Z'),
    });
    expect(parseHistoryQuery({ asKnownAt: '2025-03-01' }).query.asKnownAt).toEqual(
      new Date('2025-03-01T16:59:59.999Z'),
    );
    for (const bad of [
      { asOf: '2025-02-30' },
      { asOf: '28/02/2025' },
      { asKnownAt: '2025-03-01T09:00:00' },
      { asKnownAt: '2025-02-30T09:00:00Z' },
      { asKnownAt: 'yesterday' },
    ]) {
      expect(parseHistoryQuery(bad).errors).toHaveLength(1);
    }
  });
});
