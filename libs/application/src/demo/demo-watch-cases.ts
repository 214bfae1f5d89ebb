import { LocalDate } from '@thads/domain';
import { sideRandom } from './demo-kinds';
import { DEMO_DISTRICTS } from './demo-units';

type Line = Record<string, unknown>;
const DAY = 86_400_000;
const addDays = (d: LocalDate, n: number): LocalDate =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/**
 * Long-running cases of the kinds leadership follows (docs/watchlists.md), received years before
 * the demo's main walk begins, so that every watch list has cases in the demo: credit
 * institutions' large cases with conditions, auctions that do not sell, sales not yet delivered,
 * and corruption and economic crime recovery. Drawn from a generator of their own.
 */
export const watchCaseLines = (
  today: LocalDate,
  count: number,
  prefix: string,
  districts: readonly string[] = DEMO_DISTRICTS,
): Line[] => {
  const rnd = sideRandom(`${prefix}-watch`);
  const lines: Line[] = [];
  for (let i = 1; i <= count; i++) {
    const caseId = `${prefix}-w${String(i).padStart(3, '0')}`;
    const unitId = rnd.pick(districts);
    const corruption = i % 4 === 0;
    const received = addDays('2021-10-01', rnd.int(0, 640));
    const due = (corruption ? rnd.int(2, 300) : rnd.int(21, 90)) * 1_000_000_000;
    let on = received;
    const push = (step: string, gap: number, extra: Line = {}): boolean => {
      const next = addDays(on, gap);
      if (next > today) return false;
      on = next;
      lines.push({ step, caseId, on, recordedAt: `${on}T02:30:00.000Z`, ...extra });
      return true;
    };
    lines.push({
      step: 'receive',
      caseId,
      on,
      recordedAt: `${on}T02:00:00.000Z`,
      unitId,
      origin: corruption ? 'exOfficio' : 'onRequest',
      judgment: {
        court: 'TAND tỉnh',
        number: `${rnd.int(1, 400)}/${on.slice(0, 4)}/${corruption ? 'HS-ST' : 'KDTM-PT'}`,
        date: addDays(on, -rnd.int(20, 60)),
        kind: corruption ? rnd.pick(['criminalCorruption', 'criminalEconomic']) : 'commercial',
      },
      creditor: corruption
        ? { name: 'Ngân sách Nhà nước', kind: 'stateBudget' }
        : {
            name: rnd.pick(['Ngân hàng TMCP Công thương', 'Ngân hàng TMCP Nông nghiệp và PTNT']),
            kind: 'creditInstitution',
          },
      debtor: { name: `Công ty cổ phần ${rnd.pick(['Sông Hồng', 'Phương Nam', 'Hải Long', 'Đại Việt'])}` },
      amountDue: String(due),
      ...(corruption && i % 8 === 0 ? { steeringCommittee: true } : {}),
    });
    if (!push('decide', 3) || !push('assign', 1, { enforcerId: `chv-${unitId}-1` }) || !push('notify', 2)) continue;
    if (!push('verify', rnd.int(15, 25)) || !push('classify', rnd.int(2, 6), { class: 'withConditions' })) continue;
    if (corruption) {
      push('collect', rnd.int(60, 400), { amount: String(Math.round(due / rnd.int(3, 20) / 1000) * 1000) });
      continue;
    }
    if (!push('seize', rnd.int(30, 90), { assetKind: 'immovable' }) || !push('value', rnd.int(10, 40))) continue;
    const unsold = rnd.int(0, 4);
    let stopped = false;
    for (let k = 0; k < unsold && !stopped; k++) stopped = !push('auction', rnd.int(45, 120), { result: 'unsold' });
    // Some are sold at last, the buyer pays, and the asset awaits delivery.
    if (!stopped && rnd.chance(0.35) && push('auction', rnd.int(45, 120), { result: 'sold', price: String(due) }))
      push('collect', rnd.int(10, 30), { amount: String(due), buyerPaidInFull: true });
  }
  return lines;
};
