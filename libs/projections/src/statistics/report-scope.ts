import { ReadStore } from '../store/read-store';

/**
 * How a report reads the ledger for a set of member units (unit-history-queries.ts `members`).
 * The daily sums are kept per unit and every unit above it *as registered* (unit-scopes.ts): when
 * the members are exactly the registered subtrees of some of them (the tops), their daily sums add
 * up to the report, a few thousand rows whatever the size. When a reorganisation moved a unit out
 * from under a member, they do not, and the report sums the members' per-case moves instead.
 */
export type ReportScope = { daily: string[] } | { moves: string[] };

/** The tree as registered: the ledger's own copy (statistics_units), each unit's parent and children. */
export interface RegisteredTree {
  parent: ReadonlyMap<string, string | null>;
  children: ReadonlyMap<string, string[]>;
}

export const registeredTree = async (store: ReadStore): Promise<RegisteredTree> => {
  const rows = await store.all<{ unit_id: string; parent_id: string | null }>(
    'SELECT unit_id, parent_id FROM statistics_units',
  );
  const children = new Map<string, string[]>();
  for (const r of rows)
    if (r.parent_id !== null) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r.unit_id]);
  return { parent: new Map(rows.map((r) => [r.unit_id, r.parent_id])), children };
};

/** The scope of a set of members (several sets from one read of the tree: a look at each top's subtree). */
export const scopeOf = (tree: RegisteredTree, members: ReadonlyArray<string>): ReportScope => {
  const inside = new Set(members);
  const tops = members.filter((m) => !inside.has(tree.parent.get(m) ?? ''));
  const seen = new Set<string>();
  const stack = [...tops];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const child of tree.children.get(id) ?? []) {
      if (!inside.has(child)) return { moves: [...members] };
      stack.push(child);
    }
  }
  return { daily: tops };
};

export const reportScope = async (store: ReadStore, members: ReadonlyArray<string>): Promise<ReportScope> =>
  scopeOf(await registeredTree(store), members);
