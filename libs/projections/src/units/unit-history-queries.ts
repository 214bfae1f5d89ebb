import { addDays, existsOn, UnitHistory, UnitLevel, versionOn } from '@thads/domain';
import { KnownAt } from '../statistics/known-at';
import { ReadStore, SqlValue } from '../store/read-store';
import { ReportMembers, TreeIndex } from './tree-index';

/** A unit as it was on a date: GET /api/units?asOf= (docs/reorganisation.md). */
export interface UnitOnDate {
  unitId: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  predecessors: string[];
  successors: string[];
}

export type { ReportMembers };

type Histories = Map<string, UnitHistory>;

/**
 * The unit tree on any date, as known at any moment: read from the units read model's history
 * tables, folded here (a few hundred units). Each version, link and registration counts only once
 * recorded by `knownAt`, so a report asked as known before a reorganisation sees the tree of then.
 */
export class UnitHistoryQueries {
  constructor(private readonly store: ReadStore) {}

  async histories(knownAt?: KnownAt): Promise<Histories> {
    // A unit's registration counts whenever asked (the tree is structure, often registered after the
    // cases it counts were); what reorganisations changed counts only once recorded by `knownAt`.
    const known = (r: { position: SqlValue; known_at: string }) =>
      knownAt === undefined ||
      ('position' in knownAt ? BigInt(r.position as never) <= knownAt.position : r.known_at <= knownAt.recordedAt);
    const [allVersions, allLinks, units] = await Promise.all([
      this.store.all<{
        unit_id: string;
        from_day: string;
        name: string;
        level: UnitLevel;
        parent_id: string | null;
        position: SqlValue;
        known_at: string;
      }>(
        'SELECT unit_id, from_day, name, level, parent_id, position, known_at FROM unit_versions ORDER BY unit_id, position',
      ),
      this.store.all<{
        predecessor: string;
        successor: string;
        on_day: string;
        kind: string;
        reorganisation_id: string;
        position: SqlValue;
        known_at: string;
      }>(
        'SELECT predecessor, successor, on_day, kind, reorganisation_id, position, known_at FROM unit_links ORDER BY position',
      ),
      this.store.all<{ unit_id: string; valid_from: string | null; registered_until: string | null }>(
        'SELECT unit_id, valid_from, registered_until FROM units',
      ),
    ]);
    const versions = allVersions
      .filter((v, i) => i === 0 || allVersions[i - 1].unit_id !== v.unit_id || known(v))
      .sort((a, b) =>
        a.unit_id === b.unit_id ? a.from_day.localeCompare(b.from_day) : a.unit_id.localeCompare(b.unit_id),
      );
    const links = allLinks.filter(known);
    const out: Histories = new Map();
    const registered = new Map(units.map((u) => [u.unit_id, u]));
    for (const v of versions) {
      let h = out.get(v.unit_id);
      if (!h) {
        const u = registered.get(v.unit_id);
        h = {
          unitId: v.unit_id,
          ...(u?.valid_from != null && { validFrom: u.valid_from }),
          ...(u?.registered_until != null && { validTo: u.registered_until }),
          versions: [],
          predecessors: [],
          successors: [],
          reorganisations: [],
        };
        out.set(v.unit_id, h);
      }
      h.versions = [
        ...h.versions.filter((x) => x.from !== v.from_day),
        {
          from: v.from_day,
          name: v.name,
          level: v.level,
          ...(v.parent_id !== null && { parentId: v.parent_id }),
        },
      ];
    }
    for (const l of links) {
      const link = { on: l.on_day, kind: l.kind as never, reorganisationId: l.reorganisation_id };
      const p = out.get(l.predecessor);
      if (p) {
        const last = addDays(l.on_day, -1);
        if (p.validTo === undefined || last < p.validTo) p.validTo = last;
        if (l.successor !== '') p.successors.push({ unitId: l.successor, ...link });
      }
      if (l.successor !== '') out.get(l.successor)?.predecessors.push({ unitId: l.predecessor, ...link });
    }
    return out;
  }

  /** Every unit existing on `date` (all units when no date), with its name, parent and links then. */
  async asOf(date?: string, knownAt?: KnownAt): Promise<UnitOnDate[]> {
    const all = await this.histories(knownAt);
    return [...all.values()]
      .filter((h) => date === undefined || existsOn(h, date))
      .map((h) => onDate(h, date))
      .sort((a, b) => a.unitId.localeCompare(b.unitId));
  }

  async one(unitId: string, date?: string, knownAt?: KnownAt): Promise<UnitOnDate | undefined> {
    const h = (await this.histories(knownAt)).get(unitId);
    return h && onDate(h, date);
  }

  /**
   * The units a report of `unitId` for a period ending `to` covers: the unit, every unit under it
   * on `to` or on its own last day if it ended before, and what it continues: the predecessors
   * merged into it or renamed to it (not a split unit, whose cases come by transfer), with theirs.
   */
  async members(unitId: string, to: string, knownAt?: KnownAt): Promise<ReportMembers & { histories: Histories }> {
    const histories = await this.histories(knownAt);
    return { ...membersOf(histories, unitId, to), histories };
  }
}

const onDate = (h: UnitHistory, date?: string): UnitOnDate => {
  const v = date === undefined ? h.versions[h.versions.length - 1] : versionOn(h, date);
  return {
    unitId: h.unitId,
    name: v.name,
    level: v.level,
    parentId: v.parentId ?? null,
    validFrom: h.validFrom ?? null,
    validTo: h.validTo ?? null,
    // The links of the unit's whole life: its dates say when they took effect.
    predecessors: h.predecessors.map((p) => p.unitId),
    successors: h.successors.map((s) => s.unitId),
  };
};

/** The members of one unit's report (TreeIndex.members; a TreeIndex serves many). */
export const membersOf = (histories: ReadonlyMap<string, UnitHistory>, unitId: string, to: string): ReportMembers =>
  new TreeIndex(histories).members(unitId, to);
