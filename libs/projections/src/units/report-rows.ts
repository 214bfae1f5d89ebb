import { UnitHistory, UnitLevel, versionOn } from '@thads/domain';
import { ReportMembers, TreeIndex } from './tree-index';

type Histories = ReadonlyMap<string, UnitHistory>;

/** A row of a report by subunit or by agency: a unit, and the units its figures cover. */
export interface RowUnit {
  unitId: string;
  name: string;
  level: UnitLevel;
  members: string[];
}

/**
 * A unit's report laid out by subunit, as the tree stood on the period's end (docs/reorganisation.md
 * §4): the same members as its report, split into a row per unit directly under it and its own.
 */
export interface ReportLayout extends ReportMembers {
  unitId: string;
  /** Its name and level on the period's end (its first ones if it did not exist yet). */
  name: string;
  level: UnitLevel;
  children: RowUnit[];
  /** The members in no child's row: the unit's own cases, and those of the units it continues. */
  own: string[];
  /**
   * The agencies for rows by agency (forms 04, 05): each member existing on `to` with the units it
   * continues (merged or renamed into it), so that the cases a merge moved stay on one row; a member
   * that ended and that none continues has its own. The unit first, then in the order of the tree.
   */
  agencies: RowUnit[];
}

/** The day a unit is read as of in a report ending `to`: `to`, or its own last day if it ended before. */
const dayOf = (h: UnitHistory, to: string) => (h.validTo !== undefined && h.validTo < to ? h.validTo : to);
const existed = (h: UnitHistory, to: string) => h.validFrom === undefined || h.validFrom <= to;

/**
 * The units directly under `unitId` for a report ending `to`: those whose parent on that day (or
 * on their own last day) was it; for a unit that did not exist yet, those of the units it continues
 * (not a split unit's: its cases came by transfer), so that a province formed on 1 July 2025 shows,
 * for the 9 months before, the districts of the provinces it continues.
 */
const directlyUnder = (histories: Histories, unitId: string, to: string, depth = 0): string[] => {
  const self = histories.get(unitId);
  if (self && !existed(self, to) && depth < 8)
    return [
      ...new Set(
        self.predecessors
          .filter((p) => p.kind !== 'split')
          .flatMap((p) => directlyUnder(histories, p.unitId, to, depth + 1)),
      ),
    ];
  return [...histories.values()]
    .filter((h) => h.unitId !== unitId && existed(h, to) && versionOn(h, dayOf(h, to)).parentId === unitId)
    .map((h) => h.unitId);
};

/** A unit's path of ids, root first, as the tree stood on its last day up to `to`. */
const pathOn = (histories: Histories, unitId: string, to: string): string[] => {
  const path: string[] = [];
  for (let id: string | undefined = unitId; id !== undefined && path.length < 8 && !path.includes(id);) {
    path.unshift(id);
    const h = histories.get(id);
    id = h ? versionOn(h, dayOf(h, to)).parentId : undefined;
  }
  return path;
};

const byPath = (a: string[], b: string[]) => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
};

const rowOf = (h: UnitHistory, to: string, members: string[]): RowUnit => {
  const v = versionOn(h, dayOf(h, to));
  return { unitId: h.unitId, name: v.name, level: v.level, members };
};

/**
 * The layout of a report of `unitId` ending `to`. The children that exist on `to` come first, each
 * covering its own report's members (so a regional office's row holds the districts it continues);
 * a child that ended before `to` and that no other row continues (a closed or split unit) has a row
 * of its own. Rows never share a unit; what is left is the unit's own.
 */
export const reportLayoutOf = (histories: Histories, unitId: string, to: string): ReportLayout => {
  const tree = new TreeIndex(histories);
  const { members, includes } = tree.members(unitId, to);
  const inside = new Set(members);
  const claimed = new Set<string>();
  const candidates = directlyUnder(histories, unitId, to)
    .map((id) => histories.get(id)!)
    .sort((a, b) => Number(dayOf(a, to) !== to) - Number(dayOf(b, to) !== to) || (a.unitId < b.unitId ? -1 : 1));
  const children: RowUnit[] = [];
  for (const h of candidates) {
    if (claimed.has(h.unitId)) continue;
    const mine = tree.members(h.unitId, to).members.filter((m) => inside.has(m) && !claimed.has(m) && m !== unitId);
    if (mine.length === 0) continue;
    for (const m of mine) claimed.add(m);
    children.push(rowOf(h, to, mine));
  }
  children.sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  const self = histories.get(unitId);
  const version = self ? versionOn(self, dayOf(self, to)) : undefined;
  return {
    unitId,
    name: version?.name ?? unitId,
    level: version?.level ?? 'district',
    members,
    includes,
    children,
    own: members.filter((m) => !claimed.has(m)),
    agencies: agenciesOf(histories, members, unitId, to),
  };
};

/** The unit and what it continues up to `to`: its predecessors merged or renamed into it, theirs, and so on. */
const continued = (histories: Histories, unitId: string, to: string, depth = 0): string[] => [
  unitId,
  ...(depth < 8
    ? (histories.get(unitId)?.predecessors ?? [])
        .filter((p) => p.on <= to && p.kind !== 'split')
        .flatMap((p) => continued(histories, p.unitId, to, depth + 1))
    : []),
];

const agenciesOf = (histories: Histories, members: string[], unitId: string, to: string): RowUnit[] => {
  const inside = new Set(members);
  const agencyOf = new Map<string, string>();
  const standing = members.filter((m) => dayOf(histories.get(m)!, to) === to);
  for (const m of standing)
    for (const c of continued(histories, m, to)) if (inside.has(c) && !agencyOf.has(c)) agencyOf.set(c, m);
  for (const m of members) if (!agencyOf.has(m)) agencyOf.set(m, m);
  const paths = new Map([...new Set(agencyOf.values())].map((a) => [a, pathOn(histories, a, to)]));
  const agencies = [...paths.keys()].sort((a, b) =>
    a === unitId ? -1 : b === unitId ? 1 : byPath(paths.get(a)!, paths.get(b)!),
  );
  const membersOfAgency = new Map<string, string[]>(agencies.map((a) => [a, []]));
  for (const m of members) membersOfAgency.get(agencyOf.get(m)!)!.push(m);
  return agencies.map((a) => rowOf(histories.get(a)!, to, membersOfAgency.get(a)!));
};
