import type { Locator, Page } from 'playwright-core';
import { localDateInVietnam } from '@thads/application';
import { addDays } from '@thads/domain';
import { vi } from '../../apps/web/src/i18n/vi';
import { browserAvailable, Console, faultsOf, screenshot, seriousViolations, startConsole } from '../support/browser';
import { eventually } from '../support/eventually';

// The case page and its history (issue 23, points 4 and 5), as a head and an auditor use them:
// in Chromium, in Vietnamese, over the demo data, every step through the form GET /api/steps draws.
const available = browserAvailable();
const describeInBrowser = (title: string, body: () => void) => {
  if (available) describe(title, body);
  else it(`${title}: Chromium missing, not run (see the notice above)`, () => undefined);
};

/** dd/mm/yyyy, as the office writes a date and the date pickers read it. */
const written = (date: string) => date.split('-').reverse().join('/');

describeInBrowser('the case page and its history in a browser', () => {
  let c: Console;
  let demoCase = '';
  let corrected = '';
  const today = localDateInVietnam(new Date());
  beforeAll(async () => {
    c = await startConsole();
    for (const caseId of ['web-1', 'web-2']) {
      await c.h.http
        .post('/api/cases')
        .send({
          caseId,
          unitId: 'kg-pq',
          origin: 'onRequest',
          on: today,
          judgment: {
            court: 'Tòa án nhân dân thành phố Phú Quốc',
            number: `2${caseId.slice(-1)}/2026/DS-ST`,
            date: addDays(today, -30),
          },
          creditor: { name: 'Công ty TNHH Thương mại Hòa Bình' },
          debtor: { name: 'Lê Văn Sang' },
          amountDue: '45000000',
        })
        .expect(201);
    }
  });
  afterAll(() => c?.close());

  const demoLogin = async (page: Page, userId: string) => {
    await page.goto(`${c.url}/dang-nhap`);
    await page.getByTestId(`demo-${userId}`).click();
    await page.waitForURL(/\/ban-lam-viec/);
  };
  const checkPage = async (page: Page, name: string) => {
    expect(await seriousViolations(page)).toEqual([]);
    expect(faultsOf(page)).toEqual([]);
    await screenshot(page, name);
  };
  const revisionOf = async (page: Page) => Number(await page.getByTestId('case-page').getAttribute('data-revision'));
  const openCase = async (page: Page, caseId: string) => {
    await page.goto(`${c.url}/viec/${caseId}`);
    await page.getByTestId('case-page').waitFor();
  };
  const openStep = async (page: Page, step: string): Promise<Locator> => {
    await page.getByTestId('step-actions').locator(`[data-step="${step}"]`).click();
    const form = page.getByTestId(`step-form-${step}`);
    await form.waitFor();
    return form;
  };
  /** Picks an option of an antd Select by its exact label, and waits for the list to close. */
  const choose = async (page: Page, label: string, option: string) => {
    await page.getByLabel(label, { exact: true }).click();
    const item = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`);
    await item.click();
    await eventually(
      `the choice ${option}`,
      async () => (await page.locator('.ant-select-dropdown:visible').count()) === 0,
    );
  };
  /** Takes a step through its form and waits for the case to show it recorded. */
  const takeStep = async (page: Page, step: string, fill: (form: Locator) => Promise<void> = async () => undefined) => {
    const before = await revisionOf(page);
    const form = await openStep(page, step);
    await fill(form);
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.locator(`[data-testid="case-page"][data-revision="${before + 1}"]`).waitFor();
    await form.waitFor({ state: 'detached' });
  };
  const errorBeside = (form: Locator, label: string) =>
    form
      .locator('.ant-form-item', { has: form.page().getByLabel(label, { exact: true }) })
      .locator('.ant-form-item-explain-error');

  it('lets a head advance a case to completed through the step forms', async () => {
    const page = await c.newPage();
    await demoLogin(page, 'tt-kg-pq');
    await openCase(page, 'web-1');
    await expect(page.getByTestId('case-state').textContent()).resolves.toBe('Đã tiếp nhận');
    await expect(page.getByTestId('amount-due').textContent()).resolves.toContain('45.000.000 đ');
    await checkPage(page, 'viec-da-tiep-nhan');

    await takeStep(page, 'decide', async (form) => {
      // The form shows exactly the step's fields: its date, decision number, limitation ground, note.
      await expect(form.locator('.ant-form-item-label label').allTextContents()).resolves.toEqual([
        'Ngày thực hiện',
        'Số quyết định',
        'Căn cứ không tính vào thời hiệu',
        'Ghi chú',
      ]);
      await form.getByLabel('Số quyết định').fill('15/QĐ-CCTHADS');
    });
    await takeStep(page, 'verify');
    await takeStep(page, 'classify', async (form) => {
      // `ground` is asked only when the class is "chưa có điều kiện" (required-when).
      await choose(page, 'Kết quả xác định', 'Chưa có điều kiện thi hành');
      await form.getByLabel('Căn cứ chưa có điều kiện thi hành').waitFor({ state: 'attached' });
      await choose(page, 'Kết quả xác định', 'Có điều kiện thi hành');
      await eventually(
        'the ground hidden again',
        async () => (await form.getByLabel('Căn cứ chưa có điều kiện thi hành').count()) === 0,
      );
    });
    await expect(page.getByTestId('case-state').textContent()).resolves.toBe('Có điều kiện thi hành');
    await takeStep(page, 'collect', async (form) => {
      await form.getByLabel('Số tiền (đồng)').fill('45.000.000');
    });
    await expect(page.getByTestId('amount-collected').textContent()).resolves.toContain('45.000.000 đ');
    await expect(page.getByTestId('amount-remaining').textContent()).resolves.toContain('0 đ');
    await takeStep(page, 'complete');
    await expect(page.getByTestId('case-state').textContent()).resolves.toBe('Thi hành xong');
    // The timeline holds every step, and the deadlines their legal basis.
    await eventually('the timeline of six events', async () => (await page.getByTestId('timeline-item').count()) === 6);
    await expect(page.getByTestId('timeline-item').last().textContent()).resolves.toContain('Xác nhận thi hành xong');
    await expect(page.getByTestId('deadlines').textContent()).resolves.toContain('Luật');

    // The lifecycle drawing, loaded only when opened, with the current state marked.
    await page.getByText('Xem sơ đồ vòng đời').click();
    await page.locator('[data-testid="lifecycle-drawing"] svg').waitFor();
    await expect(page.locator('[data-testid="lifecycle-drawing"] svg g.current').count()).resolves.toBeGreaterThan(0);
    await expect(
      page.locator('[data-testid="lifecycle-drawing"] svg g.current').first().textContent(),
    ).resolves.toContain('Thi hành xong');
    await checkPage(page, 'viec-thi-hanh-xong');

    // A mistaken step is corrected with a reason: the case is back where it was, the step struck through.
    await takeStep(page, 'correct', async (form) => {
      await expect(form.textContent()).resolves.toContain('Bước sẽ bị đính chính: Xác nhận thi hành xong');
      await form.getByLabel('Lý do đính chính').fill('Chưa đối chiếu biên lai thu tiền');
    });
    await expect(page.getByTestId('case-state').textContent()).resolves.toBe('Có điều kiện thi hành');
    // The corrected step, struck through, carries its correction (a regex: hasText would ignore case
    // and also match the correction's own entry, "Lý do đính chính: …").
    await eventually(
      'the correction beside the corrected step',
      async () =>
        (await page
          .getByTestId('timeline-item')
          .filter({ hasText: /Đã bị đính chính.*Đính chính: Chưa đối chiếu biên lai thu tiền/ })
          .count()) === 1,
    );
    await takeStep(page, 'complete');
    await expect(page.getByTestId('case-state').textContent()).resolves.toBe('Thi hành xong');
  });

  it("shows the API's refusal beside the field it concerns, and records nothing", async () => {
    for (const step of [{ step: 'decide' }, { step: 'verify' }, { step: 'classify', class: 'withConditions' }]) {
      await c.h.http
        .post('/api/cases/web-2/steps')
        .send({ on: today, ...step })
        .expect(200);
    }
    const page = await c.newPage();
    await demoLogin(page, 'tt-kg-pq');
    await openCase(page, 'web-2');
    const revision = await revisionOf(page);
    const form = await openStep(page, 'collect');

    // More than is still due: the lifecycle refuses it (Luật THADS Điều 47), beside the amount.
    await form.getByLabel('Số tiền (đồng)').fill('50.000.000');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await errorBeside(form, 'Số tiền (đồng)').first().waitFor();
    await expect(errorBeside(form, 'Số tiền (đồng)').first().textContent()).resolves.toContain(
      'vượt quá số còn phải thi hành',
    );
    await expect(errorBeside(form, 'Ngày thực hiện').count()).resolves.toBe(0);
    await checkPage(page, 'viec-loi-so-tien');

    // A date after today: the write path refuses it (case.step-date-in-future), beside the date.
    const later = written(addDays(today, 2));
    await form.getByLabel('Số tiền (đồng)').fill('5.000.000');
    await form.getByLabel('Ngày thực hiện').fill(later);
    await form.getByLabel('Ngày thực hiện').press('Enter');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await eventually(
      'the refusal beside the date',
      async () => (await errorBeside(form, 'Ngày thực hiện').count()) === 1,
    );
    await expect(errorBeside(form, 'Ngày thực hiện').textContent()).resolves.toContain('ở tương lai');
    await expect(errorBeside(form, 'Số tiền (đồng)').count()).resolves.toBe(0);

    // Nothing was appended: the page and the API still show the same revision.
    expect(await revisionOf(page)).toBe(revision);
    expect((await c.h.http.get('/api/cases/web-2').expect(200)).body).toMatchObject({
      revision,
      amounts: { collected: '0' },
    });
  });

  it('lets an auditor open the history as of a past date and see the state of that day', async () => {
    // A demo case of Phú Quốc with several steps on different days and no correction.
    const list = (await c.h.http.get('/api/cases?unitId=kg-pq&limit=200').expect(200)).body.items as Array<{
      caseId: string;
    }>;
    type Event = { on: string; type: string; applied: boolean; stateAfter: string; lateRecorded: boolean };
    let chosen: { caseId: string; events: Event[] } | undefined;
    for (const { caseId } of list) {
      const events = (await c.h.http.get(`/api/cases/${caseId}/history`).expect(200)).body.events as Event[];
      const days = new Set(events.map((e) => e.on));
      if (!corrected && events.some((e) => e.type === 'StepCorrected')) corrected = caseId;
      if (!chosen && days.size >= 5 && events.every((e) => e.type !== 'StepCorrected' && e.applied))
        chosen = { caseId, events };
      if (chosen && corrected) break;
    }
    expect(chosen).toBeDefined();
    const { caseId, events } = chosen!;
    const days = [...new Set(events.map((e) => e.on))];
    const day = days[2];
    const then = events.filter((e) => e.on <= day);
    const expected = vi[`state.${then.at(-1)!.stateAfter}` as keyof typeof vi];

    const page = await c.newPage();
    await demoLogin(page, 'kt-kg');
    await page.goto(`${c.url}/viec/${caseId}/lich-su`);
    await page.getByTestId('history-page').waitFor();
    await page.getByTestId('history-events').locator('tbody tr.ant-table-row').first().waitFor();
    await expect(page.getByTestId('history-events').locator('tbody tr.ant-table-row').count()).resolves.toBe(
      events.length,
    );
    // The hash chain of the case checks out.
    await page
      .getByTestId('integrity')
      .getByText(`Chuỗi băm nguyên vẹn: đã kiểm tra ${events.length} sự kiện`)
      .waitFor();

    const picker = page.getByRole('textbox', { name: 'Tình trạng tính đến hết ngày' });
    await picker.fill(written(day));
    await picker.press('Enter');
    await page.waitForURL(new RegExp(`asOf=${day}`));
    await eventually(
      'the rows of that day',
      async () => (await page.getByTestId('history-events').locator('tbody tr.ant-table-row').count()) === then.length,
    );
    await expect(page.getByTestId('history-state-label').textContent()).resolves.toBe(expected);
    await expect(page.getByTestId('history-state').textContent()).resolves.toContain(
      `Tình trạng tính đến hết ngày ${written(day)}`,
    );
    await checkPage(page, 'lich-su-theo-ngay');

    // The CSV of that view downloads with the auditor's token.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`case-${caseId}-history.csv`);
    demoCase = caseId;
  });

  it("shows a demo case's file to its head: deadlines, timeline and the lifecycle drawing", async () => {
    const page = await c.newPage();
    await demoLogin(page, 'tt-kg-pq');
    await openCase(page, demoCase);
    await page.getByTestId('timeline-item').first().waitFor();
    await page.getByText('Xem sơ đồ vòng đời').click();
    await page.locator('[data-testid="lifecycle-drawing"] svg g.current').first().waitFor();
    const state = (await c.h.http.get(`/api/cases/${demoCase}`).expect(200)).body.state as string;
    await expect(
      page.locator('[data-testid="lifecycle-drawing"] svg g.current').first().textContent(),
    ).resolves.toContain(vi[`state.${state}` as keyof typeof vi]);
    await checkPage(page, 'viec-du-lieu-mau');
    // The English switch: the page's words, and the steps' labels the API serves in both languages.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: `Enforcement case ${demoCase}` }).waitFor();
    await page.getByTestId('step-actions').getByText('Assign an enforcement officer').waitFor();
    await page.getByText('Tiếng Việt', { exact: true }).click();
    await page.getByRole('heading', { name: `Hồ sơ việc thi hành án ${demoCase}` }).waitFor();
    await page.getByRole('button', { name: 'Xem lịch sử (kiểm tra)' }).click();
    await page.getByTestId('history-events').locator('tbody tr.ant-table-row').first().waitFor();
    await checkPage(page, 'lich-su-du-lieu-mau');
  });

  it('shows the auditor a correction beside the step it voids', async () => {
    expect(corrected).not.toBe('');
    const page = await c.newPage();
    await demoLogin(page, 'kt-kg');
    await page.goto(`${c.url}/viec/${corrected}/lich-su`);
    await page.getByTestId('corrected-tag').first().waitFor();
    await expect(page.getByTestId('corrected-tag').first().textContent()).resolves.toMatch(
      /^Đã bị đính chính bởi bước số \d+$/,
    );
    await page
      .getByTestId('integrity')
      .getByText(/Chuỗi băm nguyên vẹn/)
      .waitFor();
    await checkPage(page, 'lich-su-dinh-chinh');
  });
});
