import { ReadStore } from '../store/read-store';

/**
 * How a report reads the ledger for a set of member units (unit-history-queries.ts `members`).
 * The daily sums are kept per unit and every unit above it *as registered* (unit-scopes.ts): when
 * the members are exactly the registered subtrees of some of them (the tops), their daily sums add
 * up to the report, a few thousand rows whatever the size. When a reorganisation moved a unit out
 * from under a member, they do not, and the report sums the members' per-case moves instead.
 */
export type ReportScope = { daily: string[] } | { moves: string[] };

/** Each unit's parent as registered: the ledger's own copy of the tree (statistics_units). */
export type RegisteredParents = ReadonlyMap<string, string | null>;

export const registeredParents = async (store: ReadStore): Promise<RegisteredParents> =>
  new Map(
    (
      await store.all<{ unit_id: string; parent_id: string | null }>('SELECT unit_id, parent_id FROM statistics_units')
    ).map((r) => [r.unit_id, r.parent_id]),
  );

/** The scope of a set of members over the registered tree (several sets from one read of it). */
export const scopeOf = (parent: RegisteredParents, members: ReadonlyArray<string>): ReportScope => {
  const inside = new Set(members);
  const tops = members.filter((m) => !inside.has(parent.get(m) ?? ''));
  const topSet = new Set(tops);
  for (const [unitId, parentId] of parent) {
    if (inside.has(unitId)) continue;
    for (
      let id = parentId, depth = 0;
      id !== null && id !== undefined && depth < 8;
      id = parent.get(id) ?? null, depth++
    )
      if (topSet.has(id)) return { moves: [...members] };
  }
  return { daily: tops };
};

export const reportScope = async (store: ReadStore, members: ReadonlyArray<string>): Promise<ReportScope> =>
  scopeOf(await registeredParents(store), members);
