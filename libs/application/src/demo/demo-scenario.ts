import { LocalDate } from '@thads/domain';
import { CREDITORS, DEMO_UNIT_SET, GIVEN, SURNAMES, UnitSet } from './demo-units';
import { demoKinds, sideRandom } from './demo-kinds';
import { watchCaseLines } from './demo-watch-cases';
import { Random, seededRandom } from './random';

type Line = Record<string, unknown>;
const DAY = 86_400_000;
const addDays = (d: LocalDate, n: number): LocalDate =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/**
 * Demo data as bulk-import lines: units, then a few hundred cases walked through varied paths
 * over two reporting years up to `today`, each step recorded a little after its date (some late).
 * The lines go through the same write path as any import, so every rule is enforced.
 */
export function* demoLines(
  today: LocalDate,
  options: {
    cases?: number;
    seed?: number;
    start?: LocalDate;
    prefix?: string;
    units?: boolean;
    /** The units registered and drawn from: the demo's two provinces unless told (nationalUnitSet). */
    unitSet?: UnitSet;
    /** Long-running cases of the watch lists, received before `start` (demo-watch-cases.ts). */
    watchCases?: number;
    /** Offices finish much of their year in its last months: move some resolutions into July–September. */
    seasonal?: boolean;
  } = {},
): Generator<string> {
  const rnd = seededRandom(options.seed ?? 20241001);
  const start = options.start ?? '2024-10-01';
  const unitSet = options.unitSet ?? DEMO_UNIT_SET;
  if (options.units !== false)
    for (const unit of unitSet.units) yield JSON.stringify({ unit, recordedAt: `${start}T01:00:00.000Z` });
  const span = Math.max(1, Math.round((Date.parse(today) - Date.parse(start)) / DAY) - 20);
  const events: Array<{ on: LocalDate; seq: number; line: Line }> = [];
  const seasonal = options.seasonal ? sideRandom(`season-${options.seed ?? 20241001}`) : undefined;
  for (let i = 1; i <= (options.cases ?? 400); i++) {
    const received = addDays(start, rnd.int(0, span));
    for (const [seq, line] of walkCase(
      rnd,
      `${options.prefix ?? 'demo'}-${String(i).padStart(4, '0')}`,
      received,
      today,
      unitSet,
      seasonal,
    ).entries()) {
      events.push({ on: line.on as LocalDate, seq: i * 1000 + seq, line });
    }
  }
  for (const [seq, line] of watchCaseLines(
    today,
    options.watchCases ?? 0,
    options.prefix ?? 'demo',
    unitSet.districts,
  ).entries())
    events.push({ on: line.on as LocalDate, seq: -1_000_000 + seq, line });
  // Interleave cases in business-date order, as an office would have recorded them.
  events.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.seq - b.seq));
  for (const { line } of events) yield JSON.stringify(line);
}

// The steps that resolve a case or bring its money in, and when the year's last push lands them.
const RESOLVING = new Set(['collect', 'complete', 'terminate']);
const intoYearEnd = (date: LocalDate, side: Random): LocalDate => {
  const [y, m] = date.split('-').map(Number);
  if (m >= 7 && m <= 9) return date;
  const moved = addDays(`${m >= 10 ? y + 1 : y}-07-01`, side.int(0, 91));
  return moved > date ? moved : date;
};

const walkCase = (
  rnd: Random,
  caseId: string,
  received: LocalDate,
  today: LocalDate,
  { provinces, districts }: UnitSet,
  seasonal?: Random,
): Line[] => {
  const provinceLevel = rnd.chance(0.15);
  const unitId = provinceLevel ? rnd.pick(provinces) : rnd.pick(districts);
  const origin = rnd.chance(0.35) ? 'exOfficio' : 'onRequest';
  const due = rnd.chance(0.1) ? 0 : rnd.int(2, 40_000) * 1_000_000;
  const lines: Line[] = [];
  let on = received;
  // Recorded during office hours in Vietnam (UTC+7), a little after the business date, some late;
  // a step recorded today is stamped at local midnight so that it is never in the future.
  const at = (date: LocalDate) => {
    const late = rnd.chance(0.05) ? rnd.int(20, 60) : rnd.int(0, 3);
    const recorded = addDays(date, late) > today ? today : addDays(date, late);
    const midnight = `${addDays(recorded, -1)}T17:00:00.000Z`;
    return recorded === today ? midnight : `${recorded}T0${rnd.int(1, 9)}:${String(rnd.int(10, 59))}:00.000Z`;
  };
  const push = (
    step: string,
    gap: [number, number],
    extra: Line = {},
    allowedOn: (date: LocalDate) => boolean = () => true,
  ) => {
    let next = addDays(on, rnd.int(gap[0], gap[1]));
    if (seasonal && RESOLVING.has(step) && seasonal.chance(0.4)) next = intoYearEnd(next, seasonal);
    if (next > today || !allowedOn(next)) return false;
    on = next;
    lines.push({ step, caseId, on, recordedAt: at(on), ...extra });
    return true;
  };
  // Decisions go to the procuracy within 3 working days (Luật THADS Điều 38); one sending carries
  // every decision not yet sent, and now and then it is late or forgotten, as in an office.
  const toProcuracy = () => rnd.chance(0.9) && push('notify', [0, 4], { to: 'procuracy' });
  lines.push({
    step: 'receive',
    caseId,
    on,
    recordedAt: at(on),
    unitId,
    origin,
    judgment: {
      court: `TAND ${rnd.pick(['tỉnh', 'huyện', 'thành phố'])}`,
      number: `${rnd.int(1, 400)}/${on.slice(0, 4)}/DS-ST`,
      date: addDays(on, -rnd.int(15, 60)),
    },
    creditor: { name: rnd.pick(CREDITORS) },
    debtor: { name: `${rnd.pick(SURNAMES)} ${rnd.pick(GIVEN)}` },
    amountDue: String(due),
  });
  // What the case is about, from a generator of its own (demo-kinds.ts): the walk below is unchanged.
  const receipt = lines[0] as { creditor: { name: string; kind?: string }; judgment: { kind?: string } };
  const kinds = demoKinds(caseId, receipt.creditor.name);
  receipt.creditor.kind = kinds.creditorKind;
  receipt.judgment.kind = kinds.judgmentKind;
  if (origin === 'onRequest' && rnd.chance(0.03)) {
    push('refuse', [1, 5], { reason: 'timeBarred' });
    return lines;
  }
  if (!push('decide', [1, 7])) return lines;
  if (!push('assign', [0, 1], { enforcerId: `chv-${unitId}-${rnd.int(1, 4)}` })) return lines;
  push('notify', [1, 3]);
  toProcuracy();
  if (rnd.chance(0.15) && due > 0) {
    if (push('collect', [2, 10], { amount: String(due) })) push('complete', [0, 3]);
    return lines;
  }
  if (rnd.chance(0.03)) {
    push('revoke', [5, 30]);
    return lines;
  }
  // Entrusted to another unit, never to its own (Luật THADS Điều 55–57).
  if (rnd.chance(0.04)) {
    if (!push('entrust', [10, 40], { toUnitId: rnd.pick(districts.filter((u) => u !== unitId)) })) return lines;
    // The receiving unit decides on the case it was given (`<id>.ut`) within 5 working days (Điều 57.1.b).
    const decidedOn = addDays(on, rnd.int(1, 9));
    if (rnd.chance(0.85) && decidedOn <= today)
      lines.push({ step: 'decide', caseId: `${caseId}.ut`, on: decidedOn, recordedAt: at(decidedOn) });
    return lines;
  }
  if (!push('verify', [11, 25])) return lines;
  return rnd.chance(0.6)
    ? withConditions(rnd, lines, push, due, origin === 'exOfficio', toProcuracy)
    : withoutConditions(rnd, push, lines, toProcuracy);
};

type Push = (step: string, gap: [number, number], extra?: Line, allowedOn?: (date: LocalDate) => boolean) => boolean;
type Send = () => boolean;

const withConditions = (
  rnd: Random,
  lines: Line[],
  push: Push,
  due: number,
  stateBudget: boolean,
  toProcuracy: Send,
): Line[] => {
  if (!push('classify', [1, 5], { class: 'withConditions' })) return lines;
  toProcuracy();
  if (rnd.chance(0.12)) {
    if (!push('postpone', [5, 30], { reason: rnd.pick(['illness', 'partiesAgree', 'assetDisputed']) })) return lines;
    toProcuracy();
    // A postponed case waits for its resumption; some are still postponed today.
    if (rnd.chance(0.4) || !push('resume', [20, 90])) return lines;
    toProcuracy();
  }
  if (rnd.chance(0.05)) {
    if (push('suspend', [5, 30], { reason: 'protest' })) toProcuracy();
    return lines;
  }
  if (rnd.chance(0.07)) {
    push('terminate', [10, 60], { reason: rnd.pick(['creditorWaiver', 'debtorDiedNoEstate', 'judgmentAnnulled']) });
    return lines;
  }
  let collected = 0;
  if (due > 0 && rnd.chance(0.45)) {
    if (!push('seize', [10, 40], { assetKind: rnd.pick(['movable', 'immovable']) })) return lines;
    if (!push('value', [5, 30])) return lines;
    if (rnd.chance(0.3) && !push('auction', [20, 45], { result: 'unsold' })) return lines;
    if (!push('auction', [20, 45], { result: 'sold', price: String(due) })) return lines;
    // The asset is delivered once the buyer has paid in full (NĐ 62/2015 Điều 27.3).
    if (!push('collect', [5, 30], { amount: String(due), buyerPaidInFull: true })) return lines;
    collected = due;
    push('deliver', [10, 60]);
  } else if (due > 0) {
    const part = Math.round((due * rnd.int(20, 100)) / 100 / 1000) * 1000 || due;
    if (!push('collect', [10, 90], { amount: String(part) })) return lines;
    collected = part;
  }
  if (collected > 0 && !push('disburse', [1, 10], { amount: String(collected) })) return lines;
  // Within two years only a court's waiver of the rest of a partly paid fine or court fee on
  // hardship can happen (Luật THADS Điều 61.4); the waits of Điều 61.1–61.3 are 5 and 10 years.
  if (stateBudget && collected > 0 && collected < due && rnd.chance(0.3)) {
    const waiver = {
      court: 'TAND khu vực',
      decisionNumber: `${rnd.int(1, 99)}/QĐ-MGTHA`,
      stateBudgetItem: rnd.pick(['fine', 'courtFee']),
      reliefGround: 'hardship',
    };
    if (push('reduce', [30, 120], { amount: String(due - collected), ...waiver })) {
      lines[lines.length - 1].decisionOn = lines[lines.length - 1].on;
      collected = due;
    }
  }
  if (collected >= due && rnd.chance(0.9)) push('complete', [1, 10]);
  return lines;
};

const withoutConditions = (rnd: Random, push: Push, lines: Line[], toProcuracy: Send): Line[] => {
  const ground = rnd.pick(['noAssets', 'noAssets', 'addressUnknown', 'itemGone']);
  if (!push('classify', [1, 5], { class: 'withoutConditions', ground })) return lines;
  toProcuracy();
  // The debtor without conditions is published on the portal (TT 04/2023/TT-BTP Điều 5).
  if (rnd.chance(0.85)) push('notify', [1, 6], { to: 'public' });
  for (let i = 0; i < 3; i++) if (!push('verify', [150, 180])) return lines;
  if (rnd.chance(0.25)) {
    if (push('classify', [10, 30], { class: 'withConditions' }))
      push('terminate', [30, 90], { reason: 'creditorWaiver' });
    return lines;
  }
  // The 2015 regime's one year and two verifications (NĐ 62/2015 Điều 9.5); the demo does not
  // reach the 2026 regime's two years, nor the longer wait for an unknown address.
  if (ground !== 'addressUnknown') push('moveToSeparateTracking', [10, 60], {}, (date) => date < '2026-07-01');
  return lines;
};
