import {
  currentVersion,
  evolveUnit,
  UNIT_REGISTERED,
  UNIT_REORGANISED,
  UnitHistory,
  UnitRegisteredData,
  UnitReorganisedData,
} from '@thads/domain';
import { ProjectedEvent, Projection } from '../runtime/projection';
import { ReadStore } from '../store/read-store';
import { RowWrites, TableSpec } from '../store/row-writes';

const UNITS: TableSpec = {
  table: 'units',
  columns: [
    'unit_id',
    'name',
    'level',
    'parent_id',
    'path',
    'registered_on',
    'valid_from',
    'valid_to',
    'registered_until',
  ],
  key: ['unit_id'],
};
/** Each stretch of a unit's life with one name, level and parent, as known from `position` / `known_at`. */
export const UNIT_VERSIONS: TableSpec = {
  table: 'unit_versions',
  columns: ['unit_id', 'from_day', 'name', 'level', 'parent_id', 'position', 'known_at'],
  key: ['unit_id', 'from_day', 'position'],
};
/** predecessor → successor on a day, by a reorganisation (docs/reorganisation.md). */
export const UNIT_LINKS: TableSpec = {
  table: 'unit_links',
  columns: ['predecessor', 'successor', 'on_day', 'kind', 'reorganisation_id', 'position', 'known_at'],
  key: ['predecessor', 'successor', 'reorganisation_id'],
};

const EPOCH = '0001-01-01';

/**
 * The unit tree now (`units`, with `path`, the chain of ids from the root, so "a unit and all its
 * subunits" is one prefix match) and its history (`unit_versions`, `unit_links`), which every
 * question "as of a date" and "as known at" reads (docs/reorganisation.md, docs/domain.md §6).
 */
export const unitsProjection = (): Projection => {
  // Units are few (one per enforcement office): their histories stay in memory.
  let histories = new Map<string, UnitHistory>();
  let registeredOn = new Map<string, string>();
  let registeredUntil = new Map<string, string | null>();
  let paths = new Map<string, string>();

  const pathOf = (unitId: string, seen: string[] = []): string => {
    const parent = histories.get(unitId) && currentVersion(histories.get(unitId)!).parentId;
    const above = parent && histories.has(parent) && !seen.includes(parent) ? pathOf(parent, [...seen, unitId]) : '/';
    return `${above}${unitId}/`;
  };
  /** The rows whose path changed (a unit registered or moved, and everything under it). */
  const writeTree = (out: RowWrites) => {
    for (const [id, h] of histories) {
      const path = pathOf(id);
      const now = currentVersion(h);
      const row = [id, now.name, now.level, now.parentId ?? null, path, registeredOn.get(id) ?? EPOCH];
      out.upsert(UNITS, [...row, h.validFrom ?? null, h.validTo ?? null, registeredUntil.get(id) ?? null]);
      paths.set(id, path);
    }
  };

  return {
    name: 'units',
    // 2: unit histories (validFrom/validTo, versions, links) for reorganisations (issue 26).
    version: 2,
    tables: ['units', 'unit_versions', 'unit_links'],
    schema: (t) => `CREATE TABLE IF NOT EXISTS units (
      unit_id TEXT PRIMARY KEY, name TEXT NOT NULL, level TEXT NOT NULL, parent_id TEXT, path ${t.ordered} NOT NULL, registered_on TEXT NOT NULL,
      valid_from TEXT, valid_to TEXT, registered_until TEXT);
      CREATE TABLE IF NOT EXISTS unit_versions (
      unit_id TEXT NOT NULL, from_day TEXT NOT NULL, name TEXT NOT NULL, level TEXT NOT NULL, parent_id TEXT,
      position ${t.int64} NOT NULL, known_at TEXT NOT NULL, PRIMARY KEY (unit_id, from_day, position));
      CREATE TABLE IF NOT EXISTS unit_links (
      predecessor TEXT NOT NULL, successor TEXT NOT NULL, on_day TEXT NOT NULL, kind TEXT NOT NULL, reorganisation_id TEXT NOT NULL,
      position ${t.int64} NOT NULL, known_at TEXT NOT NULL, PRIMARY KEY (predecessor, successor, reorganisation_id))`,
    load: async (store: ReadStore) => {
      // The histories are refolded from the version and link rows (the tree's few hundred lines).
      histories = new Map();
      registeredOn = new Map();
      registeredUntil = new Map();
      const units = await store.all<{
        unit_id: string;
        registered_on: string;
        valid_from: string | null;
        valid_to: string | null;
        registered_until: string | null;
      }>('SELECT unit_id, registered_on, valid_from, valid_to, registered_until FROM units');
      const versions = await store.all<{
        unit_id: string;
        from_day: string;
        name: string;
        level: string;
        parent_id: string | null;
      }>('SELECT unit_id, from_day, name, level, parent_id FROM unit_versions ORDER BY unit_id, from_day, position');
      const links = await store.all<{
        predecessor: string;
        successor: string;
        on_day: string;
        kind: string;
        reorganisation_id: string;
      }>('SELECT predecessor, successor, on_day, kind, reorganisation_id FROM unit_links ORDER BY position');
      for (const u of units) {
        registeredOn.set(u.unit_id, u.registered_on);
        registeredUntil.set(u.unit_id, u.registered_until);
        histories.set(u.unit_id, {
          unitId: u.unit_id,
          ...(u.valid_from !== null && { validFrom: u.valid_from }),
          ...(u.valid_to !== null && { validTo: u.valid_to }),
          versions: versions
            .filter((v) => v.unit_id === u.unit_id)
            .map((v) => ({
              from: v.from_day,
              name: v.name,
              level: v.level as never,
              ...(v.parent_id !== null && { parentId: v.parent_id }),
            })),
          predecessors: [],
          successors: [],
          reorganisations: [],
        });
      }
      for (const l of links.filter((k) => k.successor !== '')) {
        const link = { on: l.on_day, kind: l.kind as never, reorganisationId: l.reorganisation_id };
        histories.get(l.successor)?.predecessors.push({ unitId: l.predecessor, ...link });
        histories.get(l.predecessor)?.successors.push({ unitId: l.successor, ...link });
      }
      paths = new Map();
      for (const id of histories.keys()) paths.set(id, pathOf(id));
    },
    apply: (out: RowWrites, { recorded, metadata }: ProjectedEvent) => {
      if (recorded.type !== UNIT_REGISTERED && recorded.type !== UNIT_REORGANISED) return;
      const data = recorded.data as unknown as UnitRegisteredData | UnitReorganisedData;
      const before = histories.get(data.unitId);
      const after = evolveUnit(before, { type: recorded.type, data });
      if (!after || after === before) return;
      histories.set(data.unitId, after);
      if (recorded.type === UNIT_REGISTERED) {
        registeredOn.set(data.unitId, metadata.on);
        registeredUntil.set(data.unitId, (data as UnitRegisteredData).until ?? null);
      }
      const known = [recorded.position, metadata.recordedAt] as const;
      const version = after.versions[after.versions.length - 1];
      if (before === undefined || before.versions[before.versions.length - 1] !== version)
        out.upsert(UNIT_VERSIONS, [
          data.unitId,
          version.from,
          version.name,
          version.level,
          version.parentId ?? null,
          ...known,
        ]);
      if (recorded.type === UNIT_REORGANISED) {
        const r = data as UnitReorganisedData;
        // A link from a unit means it ended; a unit closed without successor links to '' (kind close).
        if (r.predecessors.includes(r.unitId)) {
          const successors = r.successors.filter((s) => s !== r.unitId);
          for (const s of r.closed && successors.length === 0 ? [''] : successors)
            out.upsert(UNIT_LINKS, [r.unitId, s, r.on, r.kind, r.reorganisationId, ...known]);
        }
      }
      writeTree(out);
    },
  };
};
