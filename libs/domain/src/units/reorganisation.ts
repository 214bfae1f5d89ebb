import { CaseRuleViolation } from '../errors';
import { LocalDate } from '../local-date';
import { UNIT_LEVELS, UnitLevel, UnitRegisteredData } from './unit-events';
import { PARENT_LEVEL } from './unit-rules';
import {
  currentVersion,
  existsOn,
  ReorganisationKind,
  UnitHistory,
  UnitReorganisedData,
  versionOn,
} from './unit-history';

/**
 * The rules of a reorganisation of units (issue 26, docs/reorganisation.md), pure: given the
 * histories of the units concerned and the open cases of the predecessors, the unit events to
 * append and the cases to transfer, or a refusal with a stable code. Time comes in as `today`.
 */
export interface SuccessorSpec {
  unitId: string;
  name: string;
  level: UnitLevel;
  parentId?: string;
}

export interface Reorganise {
  reorganisationId: string;
  on: LocalDate;
  today: LocalDate;
  kind: ReorganisationKind;
  predecessors: string[];
  successors: SuccessorSpec[];
  /** `<caseId>` or `*` (every other case) → the successor that receives it. */
  assign?: Record<string, string>;
}

export interface ReorganisationFacts {
  /** Every unit the command names, the ancestors of the successors' parents, and the predecessors' subunits. */
  units: ReadonlyMap<string, UnitHistory>;
  /** The units under each predecessor on the day before the change. */
  subunitsOf: (unitId: string) => string[];
  /** The predecessors' cases not yet ended (closed cases stay where they closed). */
  openCases: ReadonlyArray<{ caseId: string; unitId: string }>;
}

export interface ReorganisationPlan {
  newUnits: UnitRegisteredData[];
  unitEvents: UnitReorganisedData[];
  transfers: Array<{ caseId: string; fromUnitId: string; toUnitId: string }>;
}

const refuse = (
  rule: ConstructorParameters<typeof CaseRuleViolation>[0],
  subject: string,
  detail: string,
  extra = {},
) =>
  new CaseRuleViolation(rule, subject, detail, {
    legalBasis: 'NQ 190/2025/QH15; NQ 202/2025/QH15 (docs/reorganisation.md)',
    ...extra,
  });

/** How many predecessors and successors each kind takes. */
const SHAPE: Record<ReorganisationKind, { predecessors: [number, number]; successors: [number, number] }> = {
  merge: { predecessors: [2, Infinity], successors: [1, 1] },
  split: { predecessors: [1, 1], successors: [2, Infinity] },
  rename: { predecessors: [1, 1], successors: [1, 1] },
  close: { predecessors: [1, Infinity], successors: [0, 0] },
};

/** The chain of parents of `unitId` on `on`, nearest first (bounded: the tree is three levels). */
const ancestorsOn = (units: ReadonlyMap<string, UnitHistory>, parentId: string | undefined, on: LocalDate) => {
  const chain: string[] = [];
  for (let id = parentId; id !== undefined && chain.length < 8 && !chain.includes(id);) {
    chain.push(id);
    const h = units.get(id);
    id = h ? versionOn(h, on).parentId : undefined;
  }
  return chain;
};

export const planReorganisation = (c: Reorganise, facts: ReorganisationFacts): ReorganisationPlan => {
  const { units } = facts;
  const id = c.reorganisationId;
  if (c.on > c.today)
    throw refuse('reorganisation.date-in-future', id, `ngày hiệu lực ${c.on} ở tương lai (hôm nay ${c.today})`);
  const shape = SHAPE[c.kind];
  const inRange = (n: number, [lo, hi]: [number, number]) => n >= lo && n <= hi;
  if (!inRange(c.predecessors.length, shape.predecessors) || !inRange(c.successors.length, shape.successors))
    throw refuse(
      'reorganisation.invalid',
      id,
      `'${c.kind}' cần ${shape.predecessors[0]}${shape.predecessors[1] === shape.predecessors[0] ? '' : '+'} đơn vị cũ và ${shape.successors[0]}${shape.successors[1] === shape.successors[0] ? '' : '+'} đơn vị kế thừa`,
    );
  const successorIds = c.successors.map((s) => s.unitId);
  if (new Set(c.predecessors).size !== c.predecessors.length || new Set(successorIds).size !== successorIds.length)
    throw refuse('reorganisation.invalid', id, 'một đơn vị được kê hai lần');
  if (c.kind !== 'merge' && c.kind !== 'rename' && successorIds.some((s) => c.predecessors.includes(s)))
    throw refuse('reorganisation.invalid', id, 'khi chia tách, đơn vị bị chia tách không là đơn vị kế thừa');

  // Every predecessor exists on the effective date: not before it was established, not after it ended.
  for (const p of c.predecessors) {
    const h = units.get(p);
    if (!h) throw refuse('reorganisation.invalid', p, `đơn vị ${p} chưa được đăng ký`);
    if (h.validFrom !== undefined && c.on <= h.validFrom)
      throw refuse(
        'reorganisation.before-unit-existed',
        p,
        `ngày hiệu lực ${c.on} không sau ngày thành lập của ${p} (${h.validFrom})`,
        { field: 'on', validFrom: h.validFrom },
      );
    if (!existsOn(h, c.on)) throw refuse('unit.closed', p, `đơn vị ${p} đã chấm dứt hoạt động (đến ${h.validTo})`);
  }

  for (const s of c.successors) {
    if (!(UNIT_LEVELS as readonly string[]).includes(s.level))
      throw refuse('reorganisation.invalid', s.unitId, `cấp đơn vị '${s.level}' không hợp lệ`);
    const existing = units.get(s.unitId);
    if (existing && !c.predecessors.includes(s.unitId)) {
      if (existing.validFrom !== undefined && c.on < existing.validFrom)
        throw refuse(
          'reorganisation.before-unit-existed',
          s.unitId,
          `${s.unitId} chưa được thành lập vào ngày ${c.on}`,
          {
            field: 'on',
            validFrom: existing.validFrom,
          },
        );
      if (!existsOn(existing, c.on)) throw refuse('unit.closed', s.unitId, `đơn vị ${s.unitId} đã chấm dứt hoạt động`);
    }
    const expected = PARENT_LEVEL[s.level];
    if (s.parentId === undefined) {
      if (expected !== undefined)
        throw refuse('unit.parent-not-found', s.unitId, `đơn vị cấp ${s.level} cần đơn vị cấp trên (${expected})`);
      continue;
    }
    const parent = units.get(s.parentId);
    if (!parent) throw refuse('unit.parent-not-found', s.unitId, `đơn vị cấp trên ${s.parentId} chưa được đăng ký`);
    if (versionOn(parent, c.on).level !== expected)
      throw refuse('unit.parent-level', s.unitId, `đơn vị cấp ${s.level} phải thuộc đơn vị cấp ${expected}`);
    if (!existsOn(parent, c.on))
      throw refuse('unit.closed', s.parentId, `đơn vị cấp trên ${s.parentId} không còn hoạt động vào ngày ${c.on}`);
    // No unit may come under itself: a merge into a predecessor's own subunit would make a cycle.
    const chain = [s.parentId, ...ancestorsOn(units, parent ? versionOn(parent, c.on).parentId : undefined, c.on)];
    const inside = c.predecessors.find((p) => chain.includes(p));
    if (inside !== undefined || chain.includes(s.unitId))
      throw refuse(
        'reorganisation.into-descendant',
        s.unitId,
        `${s.unitId} sẽ thuộc ${inside ?? s.unitId}, đơn vị được sắp xếp hoặc đơn vị cấp dưới của nó`,
        { field: 'successors' },
      );
  }
  // Nor may a predecessor merge into a unit that lies under it today.
  for (const s of c.successors) {
    const existing = units.get(s.unitId);
    if (!existing || c.predecessors.includes(s.unitId)) continue;
    const above = ancestorsOn(units, versionOn(existing, c.on).parentId, c.on);
    const inside = c.predecessors.find((p) => above.includes(p));
    if (inside !== undefined)
      throw refuse('reorganisation.into-descendant', s.unitId, `${s.unitId} là đơn vị cấp dưới của ${inside}`, {
        field: 'successors',
      });
  }

  const closing = c.predecessors.filter((p) => !successorIds.includes(p));
  const single = c.successors.length === 1 ? successorIds[0] : undefined;

  // Subunits of a merged or renamed unit come under its successor; a split or closed unit's must be placed first.
  const moved: string[] = [];
  for (const p of closing) {
    const subs = facts.subunitsOf(p).filter((u) => !c.predecessors.includes(u));
    if (subs.length === 0) continue;
    if (single === undefined)
      throw refuse(
        'reorganisation.invalid',
        p,
        `${p} còn đơn vị cấp dưới (${subs.join(', ')}): sắp xếp các đơn vị đó trước`,
      );
    moved.push(...subs);
  }

  // Every open case of a unit that ends goes to a successor; a split names where each goes.
  const assign = c.assign ?? {};
  const open = facts.openCases.filter((k) => closing.includes(k.unitId));
  const openIds = new Set(open.map((k) => k.caseId));
  const stray = Object.keys(assign).filter((k) => k !== '*' && !openIds.has(k));
  if (stray.length)
    throw refuse(
      'reorganisation.invalid',
      id,
      `không phải việc đang thi hành của đơn vị được sắp xếp: ${stray.slice(0, 10).join(', ')}`,
      {
        field: 'assign',
        caseIds: stray,
      },
    );
  const transfers: ReorganisationPlan['transfers'] = [];
  const unassigned: string[] = [];
  for (const k of open) {
    const to = assign[k.caseId] ?? assign['*'] ?? single;
    if (to === undefined) unassigned.push(k.caseId);
    else transfers.push({ caseId: k.caseId, fromUnitId: k.unitId, toUnitId: to });
  }
  if (unassigned.length)
    throw refuse(
      'reorganisation.case-unassigned',
      id,
      `${unassigned.length} việc đang thi hành chưa được phân cho đơn vị kế thừa: ${unassigned.slice(0, 10).join(', ')}`,
      { field: 'assign', caseIds: unassigned },
    );
  const targets = new Set(transfers.map((t) => t.toUnitId));
  for (const t of targets) {
    if (c.kind !== 'close' && !successorIds.includes(t))
      throw refuse('reorganisation.invalid', t, `${t} không phải đơn vị kế thừa của đợt sắp xếp này`, {
        field: 'assign',
      });
    if (c.kind === 'close') {
      const h = units.get(t);
      if (!h || !existsOn(h, c.on) || closing.includes(t))
        throw refuse('unit.closed', t, `việc không chuyển được cho ${t}: đơn vị không hoạt động vào ngày ${c.on}`, {
          field: 'assign',
        });
    }
  }

  const base = { reorganisationId: id, on: c.on, kind: c.kind, predecessors: c.predecessors, successors: successorIds };
  const newUnits: UnitRegisteredData[] = [];
  const unitEvents: UnitReorganisedData[] = [];
  for (const p of closing) unitEvents.push({ unitId: p, ...base, closed: true });
  for (const s of c.successors) {
    const existing = units.get(s.unitId);
    if (!existing) {
      newUnits.push({
        unitId: s.unitId,
        name: s.name,
        level: s.level,
        ...(s.parentId && { parentId: s.parentId }),
        from: c.on,
      });
      unitEvents.push({ unitId: s.unitId, ...base });
      continue;
    }
    const now = currentVersion(existing);
    unitEvents.push({
      unitId: s.unitId,
      ...base,
      ...(s.name !== now.name && { name: s.name }),
      ...(s.level !== now.level && { level: s.level }),
      ...(s.parentId !== now.parentId && s.parentId !== undefined && { parentId: s.parentId }),
    });
  }
  for (const u of moved) unitEvents.push({ unitId: u, ...base, parentId: single! });
  return { newUnits, unitEvents, transfers };
};
