import type { Page } from 'playwright-core';
import { EventStore } from '@thads/event-store';
import { browserAvailable, Console, faultsOf, screenshot, seriousViolations, startConsole } from '../support/browser';
import { eventually } from '../support/eventually';

// The web console, part 1 (issue 23), as clerks use it: in Chromium, in Vietnamese, over the demo.
const available = browserAvailable();
const describeInBrowser = (title: string, body: () => void) => {
  if (available) describe(title, body);
  else it(`${title}: Chromium missing, not run (see the notice above)`, () => undefined);
};

describeInBrowser('the web console in a browser', () => {
  let c: Console;
  beforeAll(async () => {
    c = await startConsole();
  });
  afterAll(() => c?.close());

  const demoLogin = async (page: Page, userId: string) => {
    await page.goto(`${c.url}/dang-nhap`);
    await page.getByTestId(`demo-${userId}`).click();
    await page.waitForURL(/\/ban-lam-viec/);
    await page.getByTestId('desk-table').locator('tbody tr').first().waitFor();
  };
  const tokenOf = (page: Page) => page.evaluate<string | null>("sessionStorage.getItem('thads.token')");
  /** Every page the tests open is checked the same way: no serious or critical axe violation, no script or CSP fault. */
  const checkPage = async (page: Page, name: string) => {
    expect(await seriousViolations(page)).toEqual([]);
    expect(faultsOf(page)).toEqual([]);
    await screenshot(page, name);
  };

  const debtor = 'Phạm Thị Ngọc Diệp';
  let caseId = '';

  it('shows the login page in Vietnamese with the demo users to pick', async () => {
    const page = await c.newPage();
    await page.goto(`${c.url}/ban-lam-viec`);
    // Not logged in: the desk sends to the login page.
    await page.waitForURL(/\/dang-nhap/);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.getByText('Dữ liệu mẫu: chọn một người dùng').waitFor();
    await page.getByText('Nguyễn Văn Hải').waitFor();
    await checkPage(page, 'dang-nhap');
  });

  it('lets a head log in, receive a case through the form, and find it on the desk by the debtor typed without diacritics', async () => {
    const page = await c.newPage();
    await demoLogin(page, 'tt-kg-pq');
    await page.getByTestId('current-unit').filter({ hasText: 'Chi cục THADS thành phố Phú Quốc' }).waitFor();
    await page.getByTestId('current-role').filter({ hasText: 'Thủ trưởng' }).waitFor();
    await checkPage(page, 'ban-lam-viec');

    await page.getByRole('link', { name: 'Thụ lý' }).click();
    await page.waitForURL(/\/thu-ly/);
    await page.getByLabel('Tòa án đã xét xử').fill('Tòa án nhân dân thành phố Phú Quốc');
    await page.getByLabel('Số bản án, quyết định').fill('12/2026/DS-ST');
    await page.getByLabel('Ngày bản án, quyết định').fill('03/11/2026');
    await page.getByLabel('Ngày bản án, quyết định').press('Enter');
    await page.getByLabel('Số tiền phải thi hành (đồng)').fill('228188311000');
    await page.getByLabel('Người được thi hành án').fill('Ngân hàng TMCP Công thương');
    await page.getByLabel('Người phải thi hành án').fill(debtor);
    // Formatted as it is written, and sent as the API's whole-đồng digits.
    await expect(page.getByLabel('Số tiền phải thi hành (đồng)').inputValue()).resolves.toBe('228.188.311.000');
    await checkPage(page, 'thu-ly');
    await page.getByTestId('receive-submit').click();
    const done = page.getByTestId('receive-done');
    await done.waitFor();
    caseId = (await done.getAttribute('data-case-id'))!;
    await expect(done.textContent()).resolves.toContain(`Đã thụ lý việc ${caseId}`);

    await page.getByRole('link', { name: 'Bàn làm việc' }).click();
    await page.waitForURL(/\/ban-lam-viec/);
    await page.locator('#desk-q').fill('pham thi ngoc diep');
    await page.locator('#desk-q').press('Enter');
    await page.waitForURL(/q=pham/);
    const row = page.getByTestId('desk-table').locator('tbody tr', { hasText: caseId });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(debtor);
    await expect(row.textContent()).resolves.toContain('228.188.311.000 đ');
    // The new case may also be on the unfiltered first page (its decision is due first): wait for
    // the search's answer, which holds it alone.
    await eventually(
      'the search to list the case alone',
      async () => (await page.getByTestId('desk-table').locator('tbody tr.ant-table-row').count()) === 1,
    );
  });

  it('hides the case from an enforcer of another unit, on the desk and through the API', async () => {
    expect(caseId).not.toBe('');
    const page = await c.newPage();
    await demoLogin(page, 'chv-kh-nt-1');
    await page.getByTestId('current-unit').filter({ hasText: 'Chi cục THADS thành phố Nha Trang' }).waitFor();
    // The menu shows only what an enforcer may do: no receiving.
    await expect(page.getByRole('link', { name: 'Thụ lý' }).count()).resolves.toBe(0);
    await page.goto(`${c.url}/ban-lam-viec?cua-toi=0&q=pham%20thi%20ngoc%20diep`);
    await page.getByText('Không có việc nào khớp điều kiện tìm kiếm').waitFor();
    await checkPage(page, 'ban-lam-viec-chv-khac-don-vi');
    const token = await tokenOf(page);
    const asEnforcer = (url: string) => c.h.http.get(url).set('authorization', `Bearer ${token}`);
    expect((await asEnforcer('/api/cases?unitId=kg-pq').expect(403)).body.code).toBe('forbidden');
    expect((await asEnforcer(`/api/cases/${caseId}`).expect(403)).body.code).toBe('forbidden');
    expect((await asEnforcer('/api/cases?unitId=kh-nt&q=pham%20thi%20ngoc%20diep').expect(200)).body.total).toBe(0);
  });

  it("shows the API's refusal beside the field it concerns and records nothing", async () => {
    const page = await c.newPage();
    await demoLogin(page, 'tt-kg-pq');
    await page.goto(`${c.url}/thu-ly`);
    const store = c.h.app.get(EventStore);
    const before = await store.headPosition();
    const fill = async (amount: string, receivedOn: string) => {
      await page.getByLabel('Tòa án đã xét xử').fill('Tòa án nhân dân huyện An Biên');
      await page.getByLabel('Số bản án, quyết định').fill('99/2026/DS-ST');
      await page.getByLabel('Ngày bản án, quyết định').fill('01/10/2026');
      await page.getByLabel('Ngày bản án, quyết định').press('Enter');
      await page.getByLabel('Ngày nhận').fill(receivedOn);
      await page.getByLabel('Ngày nhận').press('Enter');
      await page.getByLabel('Người được thi hành án').fill('Ngân sách Nhà nước');
      await page.getByLabel('Người phải thi hành án').fill('Lê Văn Sai');
      await page.getByLabel('Số tiền phải thi hành (đồng)').fill(amount);
      await page.getByTestId('receive-submit').click();
    };
    const errorBeside = (label: string) =>
      page.locator('.ant-form-item', { has: page.getByLabel(label) }).locator('.ant-form-item-explain-error');

    // 19 digits: more than the API's 18-digit amounts (IsVnd).
    await fill('1234567890123456789', '01/11/2026');
    await errorBeside('Số tiền phải thi hành (đồng)').first().waitFor();
    await expect(errorBeside('Số tiền phải thi hành (đồng)').first().textContent()).resolves.toBe(
      'Số tiền phải là số đồng nguyên, tối đa 18 chữ số',
    );
    await expect(errorBeside('Ngày nhận').count()).resolves.toBe(0);
    await checkPage(page, 'thu-ly-loi-so-tien');

    // Received on a day after today (the server's): the write path refuses it (case.step-date-in-future).
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toLocaleDateString('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    await fill('1000000', tomorrow);
    await eventually('the refusal beside Ngày nhận', async () => (await errorBeside('Ngày nhận').count()) === 1);
    await expect(errorBeside('Ngày nhận').textContent()).resolves.toContain('ở tương lai');
    await expect(errorBeside('Ngày nhận').textContent()).resolves.toContain(tomorrow);
    // The amount's earlier error leaves with an animation (antd keeps it until the motion ends).
    await eventually(
      'the amount error to be gone',
      async () => (await errorBeside('Số tiền phải thi hành (đồng)').count()) === 0,
    );
    await checkPage(page, 'thu-ly-loi-ngay');

    expect(await store.headPosition()).toEqual(before);
    const token = await tokenOf(page);
    const listed = await c.h.http
      .get('/api/cases?unitId=kg-pq&q=le%20van%20sai')
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    expect(listed.body.total).toBe(0);
  });

  it('switches to English and back', async () => {
    const page = await c.newPage();
    await demoLogin(page, 'tt-kg-pq');
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: /^Desk/ }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await checkPage(page, 'desk-en');
    await page.getByText('Tiếng Việt', { exact: true }).click();
    await page.getByRole('heading', { name: /^Bàn làm việc/ }).waitFor();
  });
});
