import { ledgerHarness, LedgerHarness, StepSpec } from './testing/ledger-harness';

const s = (step: StepSpec['step'], on: string, data?: Record<string, unknown>): StepSpec => ({ step, on, data });
const PERIOD = { from: '2019-10-01', to: '2020-03-31' };

// Entrustment (Luật THADS Điều 55–57): the sending unit counts the case as entrusted out, the
// receiving unit as newly accepted when it decides on it, and reports that share as "of which
// entrusted in" (nhận ủy thác). The receiving case is written by the write path; here by hand.
describe('cases received by entrustment in the statistics', () => {
  let h: LedgerHarness;
  beforeAll(async () => {
    h = ledgerHarness();
    await h.units();
    expect(
      await h.record('src', { on: '2019-10-10', amountDue: '300' }, [
        s('decide', '2019-10-12'),
        s('entrust', '2019-11-20', { toUnitId: 'kh-nt' }),
      ]),
    ).toBe(true);
    expect(
      await h.record(
        'src.ut',
        { on: '2019-11-20', unitId: 'kh-nt', amountDue: '300', entrustedFrom: { caseId: 'src', unitId: 'kg-pq' } },
        [s('decide', '2019-11-25')],
      ),
    ).toBe(true);
    expect(
      await h.record('own', { on: '2019-11-01', unitId: 'kh-nt', amountDue: '500' }, [s('decide', '2019-11-02')]),
    ).toBe(true);
    // Decided, then the decision corrected away: its acceptance, and its share, are taken back.
    expect(
      await h.record(
        'undone.ut',
        { on: '2019-12-01', unitId: 'kh-nt', amountDue: '700', entrustedFrom: { caseId: 'x', unitId: 'kg-ab' } },
        [s('decide', '2019-12-02')],
      ),
    ).toBe(true);
    expect(
      await h.step(
        'undone.ut',
        s('correct', '2019-12-03', { correctsEventId: h.lastEventId('undone.ut'), reason: 'nhầm' }),
      ),
    ).toBe(true);
    await h.project();
  });
  afterAll(() => h.close());

  it("counts the receiving unit's case as newly accepted, and as entrusted in", async () => {
    const kh = await h.queries.report({ unitId: 'kh', ...PERIOD });
    expect(kh.cases).toMatchObject({ newlyAccepted: 2, entrustedOut: 0 });
    expect(kh.entrustedIn).toEqual({ cases: 1, money: '300' });
  });

  it("counts the sending unit's case as entrusted out, none entrusted in", async () => {
    const kg = await h.queries.report({ unitId: 'kg', ...PERIOD });
    expect(kg.cases).toMatchObject({ newlyAccepted: 1, entrustedOut: 1 });
    expect(kg).not.toHaveProperty('entrustedIn');
  });

  it('adds up over the nation like every other figure', async () => {
    const vn = await h.queries.report({ unitId: 'vn', ...PERIOD });
    expect(vn.entrustedIn).toEqual({ cases: 1, money: '300' });
    expect(vn.cases).toMatchObject({ newlyAccepted: 3, entrustedOut: 1, total: 3, toExecute: 2 });
  });
});
