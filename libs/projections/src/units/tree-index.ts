import { addDays, UnitHistory, versionOn } from '@thads/domain';

/** The units whose figures a unit's report covers, and those of them that are its predecessors. */
export interface ReportMembers {
  members: string[];
  includes: string[];
}

type Histories = ReadonlyMap<string, UnitHistory>;

/**
 * The days on which the tree changes: a version begins, a link takes effect, a unit begins or the
 * day after it ends. Between two of them every unit's members are the same (TreeIndex.members compares
 * `to` with those days only), so a series computes them once for each stretch its points fall in.
 */
export const treeChangeDays = (histories: Histories): string[] => {
  const days = new Set<string>();
  for (const h of histories.values()) {
    for (const v of h.versions) days.add(v.from);
    for (const l of [...h.predecessors, ...h.successors]) days.add(l.on);
    if (h.validFrom !== undefined) days.add(h.validFrom);
    if (h.validTo !== undefined) days.add(addDays(h.validTo, 1));
  }
  return [...days].sort();
};

/**
 * The unit tree over time, indexed by day: for a day, every unit under (or equal to) each unit, each
 * unit read as it stood that day or on its own last day if it ended before. Built once per day asked
 * (a pass over the units), so that the members of many units, or of one unit at many period ends,
 * cost a look-up each rather than a pass each (a nation's form asks for 35 units, a series for 24
 * period ends).
 */
export class TreeIndex {
  private readonly byDay = new Map<string, Map<string, string[]>>();

  constructor(readonly histories: Histories) {}

  /** The units under (or equal to) each unit on `on`, in the order of `histories`. */
  under(on: string): Map<string, string[]> {
    let index = this.byDay.get(on);
    if (index) return index;
    index = new Map();
    for (const h of this.histories.values()) {
      if (h.validFrom !== undefined && h.validFrom > on) continue;
      const day = h.validTo !== undefined && h.validTo < on ? h.validTo : on;
      const seen: string[] = [];
      let id: string | undefined = h.unitId;
      for (let depth = 0; id !== undefined && depth < 8; depth++) {
        if (!seen.includes(id)) {
          seen.push(id);
          const list = index.get(id);
          if (list) list.push(h.unitId);
          else index.set(id, [h.unitId]);
        }
        const x = this.histories.get(id);
        id = x ? versionOn(x, day).parentId : undefined;
      }
    }
    this.byDay.set(on, index);
    return index;
  }

  /**
   * The units a report of `unitId` for a period ending `to` covers: the unit, every unit under it
   * on `to` or on its own last day if it ended before, and what it continues: the predecessors
   * merged into it or renamed to it (not a split unit, whose cases come by transfer), with theirs
   * as they stood on their last day (docs/reorganisation.md §4).
   */
  members(unitId: string, to: string, depth = 0): ReportMembers {
    // A unit that did not exist yet on `to` reports what the units it continues did (a 2025 report
    // of a province formed on 1 July 2025 is its predecessors' report).
    const self = this.histories.get(unitId);
    if (self?.validFrom !== undefined && self.validFrom > to && depth < 8) {
      const members = new Set<string>();
      for (const p of self.predecessors)
        if (p.kind !== 'split') for (const m of this.members(p.unitId, to, depth + 1).members) members.add(m);
      return { members: [...members].sort(), includes: [...members].sort() };
    }
    const plain = new Set(this.under(to).get(unitId) ?? []);
    const members = new Set(plain);
    const queue = [...plain];
    while (queue.length) {
      const m = queue.pop()!;
      for (const p of this.histories.get(m)?.predecessors ?? []) {
        if (p.on > to || p.kind === 'split' || members.has(p.unitId)) continue;
        for (const h of this.under(addDays(p.on, -1)).get(p.unitId) ?? []) {
          if (members.has(h)) continue;
          members.add(h);
          queue.push(h);
        }
      }
    }
    return { members: [...members].sort(), includes: [...members].filter((m) => !plain.has(m)).sort() };
  }
}
