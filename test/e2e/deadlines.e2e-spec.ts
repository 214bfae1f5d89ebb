import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';

interface Item {
  caseId: string;
  rule: string;
  status: string;
  due: string;
  daysLate?: number;
  legalBasis: { law: string; article: string };
  trigger: { step: string; on: string };
}

describe('procedural deadlines over HTTP, on the working-day calendar', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp();
    await registerUnits(h);
  });
  afterAll(() => h?.close());

  it('dates a decision on a request received Friday 24/01/2025 to Friday 07/02/2025 (Tết in between) and lists a decision on 10/02 as late', async () => {
    await h.http
      .post('/api/cases')
      .send(newCase({ caseId: 'tet-1', origin: 'onRequest', on: '2025-01-24' }))
      .expect(201);
    const open = await h.http.get('/api/cases/tet-1').expect(200);
    const pending = open.body.deadlines.find((d: Item) => d.rule === 'decide-on-request');
    expect(pending).toMatchObject({
      due: '2025-02-07',
      status: 'overdue',
      trigger: { step: 'receive', on: '2025-01-24' },
    });
    expect(pending.legalBasis.article).toMatch(/36/);

    const decided = await h.http.post('/api/cases/tet-1/steps').send({ step: 'decide', on: '2025-02-10' }).expect(200);
    const late = await h.http
      .get(`/api/deadlines?unitId=kg&asOf=2025-02-28&status=late&minPosition=${decided.body.position}`)
      .expect(200);
    expect(late.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          caseId: 'tet-1',
          rule: 'decide-on-request',
          due: '2025-02-07',
          satisfiedOn: '2025-02-10',
          status: 'late',
          daysLate: 3,
        }),
      ]),
    );
  });

  it('replays deadlines to any date: before the due date the same deadline was open', async () => {
    const then = await h.http.get('/api/deadlines?unitId=kg-pq&asOf=2025-02-03').expect(200);
    expect(then.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ caseId: 'tet-1', rule: 'decide-on-request', status: 'open' })]),
    );
  });

  it('counts deadlines met late or missed in a period for the inspection report', async () => {
    const summary = await h.http.get('/api/deadlines/summary?unitId=kg&from=2025-02-01&to=2025-02-28').expect(200);
    expect(summary.body.byRule).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'decide-on-request', late: 1 })]),
    );
    expect(summary.body.byUnit).toEqual(expect.arrayContaining([expect.objectContaining({ unitId: 'kg-pq' })]));
  });

  it('lists the non-working days with their reason', async () => {
    const res = await h.http.get('/api/calendar?from=2025-01-25&to=2025-02-02').expect(200);
    const days = res.body.nonWorkingDays.map((d: { date: string }) => d.date);
    expect(days).toEqual([
      '2025-01-25',
      '2025-01-26',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
    ]);
    expect(res.body.nonWorkingDays.some((d: { reason: string }) => /Tết/.test(d.reason))).toBe(true);
  });

  it('lists every rule of every regime with its term, counting, trigger, whose calendar, article and confidence', async () => {
    const { body } = await h.http.get('/api/deadlines/rules').expect(200);
    expect(body.regimes.map((r: { regime: string; from: string }) => [r.regime, r.from])).toEqual([
      ['2009', '2009-07-01'],
      ['2015', '2015-07-01'],
      ['2026', '2026-07-01'],
    ]);
    const auction = body.rules.find(
      (r: { id: string; regime: string }) => r.id === 'hold-auction' && r.regime === '2015',
    );
    expect(auction).toMatchObject({
      term: { length: 30, unit: 'days', counting: 'calendar days', lengthWhen: { when: 'immovableAsset', length: 45 } },
      trigger: { steps: ['value'], start: 'auctionContract' },
      metBy: ['auction'],
      calendar: 'agency',
      legalBasis: { article: 'Điều 101.2' },
      confidence: 'sure',
      fieldsRead: expect.arrayContaining([{ step: 'auction', field: 'contractOn' }]),
    });
    expect(body.rules.find((r: { id: string }) => r.id === 'voluntary-period')).toMatchObject({
      calendar: 'civil',
      actor: 'debtor',
    });
    expect(
      body.rules.find((r: { id: string; regime: string }) => r.id === 'open-case-file' && r.regime === '2015'),
    ).toMatchObject({ from: '2015-09-01', until: '2026-06-30' });
    expect(body.unchecked.map((t: { row: string }) => t.row)).toEqual(
      expect.arrayContaining(['6', '14', '30', '36', '37']),
    );
    // Checked since the second review: the receiving unit's decision, the differing finding, procuracy, publication, bankruptcy.
    expect(body.rules.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining([
        'receiver-decides-entrusted-case',
        'reverify-on-differing-finding',
        'send-decision-to-procuracy',
        'publish-without-conditions',
        'decide-bankruptcy',
      ]),
    );
    expect(body.reports).toEqual(
      expect.arrayContaining([expect.objectContaining({ level: 'enforcer', length: 1, counting: 'working days' })]),
    );
  });

  it('answers bad parameters with 400 and an unknown unit with 404', async () => {
    expect((await h.http.get('/api/deadlines?unitId=kg&asOf=2025-13-01').expect(400)).body.code).toBe('validation');
    expect((await h.http.get('/api/deadlines?unitId=kg&status=late-ish').expect(400)).body.code).toBe('validation');
    expect((await h.http.get('/api/deadlines?unitId=nowhere').expect(404)).body.code).toBe('unit.not-found');
    expect(
      (await h.http.get('/api/deadlines/summary?unitId=kg&from=2025-03-01&to=2025-02-01').expect(400)).body.code,
    ).toBe('validation');
  });
});
