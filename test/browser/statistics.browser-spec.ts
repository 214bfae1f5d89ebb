import type { Page } from 'playwright-core';
import { localDateInVietnam } from '@thads/application';
import { cumulativePeriod, reportingYearOf } from '../../apps/web/src/pages/stats/reporting-period';
import { browserAvailable, Console, faultsOf, screenshot, seriousViolations, startConsole } from '../support/browser';
import { eventually } from '../support/eventually';

// The statistics page (issue 24, page 1) as a provincial statistician uses it: in Chromium, in
// Vietnamese, over the demo data; every number is checked against the cases listed behind it.
const available = browserAvailable();
const describeInBrowser = (title: string, body: () => void) => {
  if (available) describe(title, body);
  else it(`${title}: Chromium missing, not run (see the notice above)`, () => undefined);
};

/** dd/mm/yyyy, as the office writes a date. */
const written = (date: string) => date.split('-').reverse().join('/');

describeInBrowser('the statistics page in a browser', () => {
  let c: Console;
  beforeAll(async () => {
    c = await startConsole();
  });
  afterAll(() => c?.close());

  const demoLogin = async (page: Page, userId: string) => {
    await page.goto(`${c.url}/dang-nhap`);
    await page.getByTestId(`demo-${userId}`).click();
    await page.waitForURL(/\/ban-lam-viec/);
  };
  /** Picks an option of an antd Select by its exact label, and waits for the list to close. */
  const choose = async (page: Page, label: string, option: string) => {
    await page.getByLabel(label, { exact: true }).click();
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
    await eventually(
      `the choice ${option}`,
      async () => (await page.locator('.ant-select-dropdown:visible').count()) === 0,
    );
  };
  /** Opens the cases behind a figure and returns the figure and the rows listed. */
  const followFigure = async (page: Page, scope: string, testId: string) => {
    const link = page.getByTestId(scope).getByTestId(testId);
    const value = await link.getAttribute('data-value');
    await link.click();
    const summary = page.getByTestId('drill-summary');
    await summary.waitFor();
    await eventually(
      'the listed cases',
      async () => (await page.getByTestId('drill-row').count()) === Number(await summary.getAttribute('data-count')),
    );
    return { value: String(value), rows: await page.getByTestId('drill-row').count(), summary };
  };

  it('lets a statistician open the 6-month report of a province and follow a number to its cases', async () => {
    // The latest 6-month period (1 October – 31 March) that is over.
    const today = localDateInVietnam(new Date());
    let year = reportingYearOf(today);
    if (cumulativePeriod(year, 6).to >= today) year -= 1;
    const { from, to } = cumulativePeriod(year, 6);

    const page = await c.newPage();
    await demoLogin(page, 'tk-kg');
    await page.getByRole('menuitem', { name: 'Thống kê' }).click();
    await page.waitForURL(/\/thong-ke/);
    await choose(page, 'Năm báo cáo', `Năm ${year} (01/10/${year - 1} – 30/09/${year})`);
    await choose(page, 'Kỳ báo cáo', `6 tháng (đến ${written(to)})`);
    await page.waitForURL((url) => url.searchParams.get('from') === from && url.searchParams.get('to') === to);
    await page
      .getByTestId('stats-heading')
      .getByText(`Cục THADS tỉnh Kiên Giang · từ ${written(from)} đến ${written(to)}`)
      .waitFor();

    // The province's row of the cases table agrees with the report API, then with its cases.
    const report = (await c.h.http.get('/api/statistics').query({ unitId: 'kg', from, to }).expect(200)).body as {
      cases: Record<string, number>;
      money: Record<string, string>;
    };
    const completed = await followFigure(page, 'table-cases', 'fig-cases-completed-kg');
    expect(Number(completed.value)).toBe(report.cases.completed);
    expect(completed.value).not.toBe('0');
    expect(completed.rows).toBe(report.cases.completed);
    expect(new URL(page.url()).searchParams.get('xem')).toBe('cases.completed.kg');
    // A statistician may not open case files (no cases.read): the case ids are listed, not linked.
    expect(await page.getByTestId('drill-row').first().locator('a[href^="/viec/"]').count()).toBe(0);
    expect(await page.getByTestId('drill-row').first().innerText()).toMatch(/\S/);
    await screenshot(page, 'thong-ke-viec');
    await page.keyboard.press('Escape');
    await page.getByTestId('drill-row').first().waitFor({ state: 'detached' });

    // A district's money figure: as many shares as the cases it counts, summing to it.
    const money = await followFigure(page, 'table-money', 'fig-money-completed-kg-pq');
    const drill = (
      await c.h.http
        .get('/api/statistics/cases')
        .query({ unitId: 'kg-pq', from, to, column: 'completed', money: 'true' })
        .expect(200)
    ).body as { count: number; amount: string };
    expect(money.rows).toBe(drill.count);
    expect(money.value).toBe(drill.amount);
    expect(await money.summary.textContent()).toContain(`${drill.amount.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`);
    await page.keyboard.press('Escape');
    await page.getByTestId('drill-row').first().waitFor({ state: 'detached' });

    // Form 01 of the same period downloads with the bearer token (the API refuses without it).
    await page
      .getByTestId('report-forms')
      .getByRole('button', { name: /Biểu 01/ })
      .click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

    // The rates, last year and the charts (ECharts, loaded apart) are drawn.
    await page
      .getByTestId('rate-cases')
      .getByText(/Cùng kỳ năm trước/)
      .waitFor();
    for (const chart of ['chart-trend', 'chart-resolved', 'chart-units'])
      await page.getByTestId(chart).locator('svg').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(faultsOf(page)).toEqual([]);
    // The tables back to their first columns, as a visitor first sees them.
    await page.evaluate("document.querySelectorAll('.ant-table-content').forEach((t) => { t.scrollLeft = 0; })");
    await screenshot(page, 'thong-ke');
    // On paper: A4 landscape is about 1,050 CSS pixels wide.
    await page.setViewportSize({ width: 1050, height: 900 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('report-forms').isVisible()).toBe(false);
    await screenshot(page, 'thong-ke-in');
  });
});
