import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { browserAvailable, Console, faultsOf, screenshot, seriousViolations, startConsole } from '../support/browser';
import { eventually } from '../support/eventually';

// The web console, part 2 (issue 24): the inspection board, the working calendar, targets and
// administration, as inspectors, statisticians and administrators use them, in Chromium over the demo.
const available = browserAvailable();
const describeInBrowser = (title: string, body: () => void) => {
  if (available) describe(title, body);
  else it(`${title}: Chromium missing, not run (see the notice above)`, () => undefined);
};

describeInBrowser('the inspection board, calendar and administration in a browser', () => {
  let c: Console;
  beforeAll(async () => {
    c = await startConsole();
  });
  afterAll(() => c?.close());

  /** The demo login lands on the desk, which a statistician or an administrator may not use: then opens `path`. */
  const demoLogin = async (page: Page, userId: string, path: string) => {
    await page.goto(`${c.url}/dang-nhap`);
    await page.getByTestId(`demo-${userId}`).click();
    await page.waitForURL(/\/ban-lam-viec/);
    await page.getByTestId('current-role').waitFor();
    await page.goto(`${c.url}${path}`);
  };
  const tokenOf = (page: Page) => page.evaluate<string | null>("sessionStorage.getItem('thads.token')");
  const checkPage = async (page: Page, name: string) => {
    expect(await seriousViolations(page)).toEqual([]);
    expect(faultsOf(page)).toEqual([]);
    await screenshot(page, name);
  };

  it('lets an inspector find an overdue deadline with its article and export the list as CSV', async () => {
    const page = await c.newPage();
    await demoLogin(page, 'tra-vn', '/thoi-han');
    await page.getByRole('heading', { name: /^Kiểm sát thời hạn tố tụng/ }).waitFor();
    const overdue = page.getByTestId('board-table').locator('tbody tr.row-overdue').first();
    await overdue.waitFor();
    const text = (await overdue.textContent())!;
    expect(text).toContain('Quá hạn, chưa thực hiện');
    expect(text).toMatch(/Điều \d+/);
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(text).toMatch(/quá \d+ ngày/);
    // The case link leads to its page.
    const link = overdue.getByRole('link').first();
    expect(await link.getAttribute('href')).toMatch(/^\/viec\//);
    // The chart per unit is drawn (lazy-loaded echarts, SVG).
    await page.locator('[role=img] svg').first().waitFor();
    await checkPage(page, 'thoi-han');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('board-export').click()]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.some((l) => /Điều \d+/.test(l))).toBe(true);

    // Another rule filter: the URL keeps it and the list follows.
    await page.goto(`${c.url}/thoi-han?tinh-trang=overdue`);
    await page.getByTestId('board-table').locator('tbody tr.row-overdue').first().waitFor();
    expect(await page.getByTestId('board-table').locator('tbody tr.ant-table-row:not(.row-overdue)').count()).toBe(0);
  });

  it('shows the working calendar of a year with its holidays and their sources', async () => {
    const page = await c.newPage();
    await demoLogin(page, 'tra-vn', '/lich-lam-viec?nam=2025');
    await page.getByRole('heading', { name: 'Lịch làm việc năm 2025' }).waitFor();
    const table = page.getByTestId('calendar-table');
    await table.locator('tbody tr', { hasText: 'Tết' }).first().waitFor();
    // 2 September, national day: marked in the grid and listed with its source.
    expect(await page.locator('td[data-date="2025-09-02"]').getAttribute('class')).toBe('day-holiday');
    const row = table.locator('tbody tr', { hasText: '02/09/2025' });
    expect(await row.textContent()).toMatch(/Điều 112|CV|TB|QĐ/);
    await checkPage(page, 'lich-lam-viec');
  });

  it('lets a statistician set a target and the report shows the gap', async () => {
    const page = await c.newPage();
    await demoLogin(page, 'tk-kg', '/chi-tieu');
    await page.getByTestId('targets-set-kg').click();
    const dialog = page.getByRole('dialog');
    // A refusal goes beside its field.
    await dialog.getByLabel('Chỉ tiêu về việc (%)').fill('abc');
    await dialog.getByLabel('Chỉ tiêu về tiền (%)').fill('51,90');
    await page.getByTestId('targets-save').click();
    const error = dialog
      .locator('.ant-form-item', { has: page.getByLabel('Chỉ tiêu về việc (%)') })
      .locator('.ant-form-item-explain-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Phần trăm từ 0 đến 100, tối đa hai chữ số thập phân (ví dụ 83,90)');
    await checkPage(page, 'chi-tieu-loi');
    await dialog.getByLabel('Chỉ tiêu về việc (%)').fill('83,90');
    await page.getByTestId('targets-save').click();
    const row = page.getByTestId('targets-table').locator('tbody tr', { has: page.getByTestId('targets-set-kg') });
    await eventually('the target in the table', async () => ((await row.textContent()) ?? '').includes('83,90'));
    await checkPage(page, 'chi-tieu');

    // The statistics report of the reporting year compares the rate with it.
    const today = new Date();
    const year = today.getMonth() >= 9 ? today.getFullYear() : today.getFullYear() - 1;
    const to = today.toISOString().slice(0, 10);
    const report = await c.h.http
      .get(`/api/statistics?unitId=kg&from=${year}-10-01&to=${to}`)
      .set('authorization', `Bearer ${await tokenOf(page)}`)
      .expect(200);
    expect(report.body.target.cases).toBe('83.90');
    expect(report.body.target.money).toBe('51.90');
    const gap = (Number(report.body.cases.rate) - 83.9).toFixed(2);
    expect(Number(report.body.target.casesGap)).toBeCloseTo(Number(gap), 2);
    // The page shows the same gap beside the target, in the office's words (thiếu / vượt, decimal comma).
    const shown = page.getByTestId('targets-gap-kg');
    await shown.waitFor();
    const casesGap: string = report.body.target.casesGap;
    const words = casesGap.startsWith('-')
      ? `thiếu ${casesGap.slice(1).replace('.', ',')}`
      : `vượt ${casesGap.replace('.', ',')}`;
    expect(await shown.textContent()).toContain(words);
  });

  it('lets an administrator create a user who then logs in with id and password', async () => {
    const page = await c.newPage();
    await demoLogin(page, 'qt-vn', '/quan-tri');
    await page.getByRole('heading', { name: 'Quản trị' }).waitFor();
    await page.getByTestId('users-table').locator('tbody tr', { hasText: 'tt-kg-pq' }).first().waitFor();
    await checkPage(page, 'quan-tri');

    await page.getByTestId('user-create').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên đăng nhập').fill('chv-kg-pq-9');
    await dialog.getByLabel('Họ và tên').fill('Ngô Thị Bích');
    await dialog.getByLabel('Đơn vị').click();
    await page.keyboard.type('Phú Quốc');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: 'Phú Quốc' }).first().click();
    // Too short a password: the API's refusal beside it.
    await dialog.getByLabel('Mật khẩu ban đầu').fill('ngan');
    await page.getByTestId('user-save').click();
    const error = dialog
      .locator('.ant-form-item', { has: page.getByLabel('Mật khẩu ban đầu') })
      .locator('.ant-form-item-explain-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Mật khẩu phải có ít nhất 12 ký tự');
    await checkPage(page, 'quan-tri-loi-mat-khau');
    await dialog.getByLabel('Mật khẩu ban đầu').fill('mot mat khau du dai 2026');
    await page.getByTestId('user-save').click();
    await page.getByText('Đã tạo tài khoản chv-kg-pq-9').waitFor();
    // The administration log says who created it.
    const created = page.getByTestId('users-table').locator('tbody tr', { hasText: 'chv-kg-pq-9' });
    await created.getByRole('button', { name: 'Nhật ký' }).click();
    await page.locator('.ant-drawer').getByText('Tạo tài khoản').waitFor();
    await checkPage(page, 'quan-tri-nhat-ky');
    await page
      .locator('.ant-drawer')
      .getByRole('button', { name: /close|đóng/i })
      .click();
    await page.getByRole('tab', { name: 'Đơn vị' }).click();
    await page.getByRole('button', { name: 'Đăng ký đơn vị' }).waitFor();
    await checkPage(page, 'quan-tri-don-vi');

    const other = await c.newPage();
    await other.goto(`${c.url}/dang-nhap`);
    await other.getByLabel('Tên đăng nhập').fill('chv-kg-pq-9');
    await other.getByLabel('Mật khẩu').fill('mot mat khau du dai 2026');
    await other.getByLabel('Mật khẩu').press('Enter');
    await other.waitForURL(/\/ban-lam-viec/);
    await other.getByTestId('current-role').filter({ hasText: 'Ngô Thị Bích · Chấp hành viên' }).waitFor();
    await other.getByTestId('current-unit').filter({ hasText: 'Phú Quốc' }).waitFor();
  });
});
