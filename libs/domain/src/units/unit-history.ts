import { addDays } from '../calendar/local-date';
import { DomainEvent } from '../events';
import { LocalDate } from '../local-date';
import { UNIT_REGISTERED, UnitLevel, UnitRegisteredData } from './unit-events';

/**
 * A unit's history (issue 26, docs/reorganisation.md): registered once (UnitRegistered, unchanged),
 * then changed by reorganisations on effective dates (UnitReorganised, on the unit's own stream):
 * renamed, moved under another parent, merged into a successor, split, closed. Pure fold.
 */
export const UNIT_REORGANISED = 'UnitReorganised';

export const REORGANISATION_KINDS = ['merge', 'split', 'rename', 'close'] as const;
export type ReorganisationKind = (typeof REORGANISATION_KINDS)[number];

/** What one reorganisation changed in one unit, from `on`; the links name both sides. */
export interface UnitReorganisedData {
  unitId: string;
  reorganisationId: string;
  on: LocalDate;
  kind: ReorganisationKind;
  predecessors: string[];
  successors: string[];
  /** This unit ends: the day before `on` is its last. */
  closed?: true;
  /** This unit's new name, level or parent from `on` (a successor, or a subunit of a merged unit). */
  name?: string;
  level?: UnitLevel;
  parentId?: string;
}

export type UnitReorganised = DomainEvent<typeof UNIT_REORGANISED, UnitReorganisedData>;

/** One stretch of a unit's life with the same name, level and parent. */
export interface UnitVersion {
  from: LocalDate;
  name: string;
  level: UnitLevel;
  parentId?: string;
}

export interface UnitHistory {
  unitId: string;
  /** First and last day the unit exists; undefined when not known (always). */
  validFrom?: LocalDate;
  validTo?: LocalDate;
  versions: UnitVersion[];
  /** Units it continues (merged into it, split from, renamed to it) and that continue it. */
  predecessors: Array<{ unitId: string; on: LocalDate; kind: ReorganisationKind; reorganisationId: string }>;
  successors: Array<{ unitId: string; on: LocalDate; kind: ReorganisationKind; reorganisationId: string }>;
  reorganisations: string[];
}

const EPOCH = '0001-01-01';

export const evolveUnit = (
  history: UnitHistory | undefined,
  event: { type: string; data: unknown },
): UnitHistory | undefined => {
  if (event.type === UNIT_REGISTERED) {
    if (history) return history;
    const u = event.data as UnitRegisteredData;
    return {
      unitId: u.unitId,
      ...(u.from !== undefined && { validFrom: u.from }),
      ...(u.until !== undefined && { validTo: u.until }),
      versions: [{ from: u.from ?? EPOCH, name: u.name, level: u.level, ...(u.parentId && { parentId: u.parentId }) }],
      predecessors: [],
      successors: [],
      reorganisations: [],
    };
  }
  if (event.type !== UNIT_REORGANISED || !history) return history;
  const r = event.data as UnitReorganisedData;
  const link = (unitId: string) => ({ unitId, on: r.on, kind: r.kind, reorganisationId: r.reorganisationId });
  const last = history.versions[history.versions.length - 1];
  const changed = r.name !== undefined || r.level !== undefined || r.parentId !== undefined;
  const next: UnitVersion = {
    from: r.on,
    name: r.name ?? last.name,
    level: r.level ?? last.level,
    ...((r.parentId ?? last.parentId) !== undefined && { parentId: r.parentId ?? last.parentId }),
  };
  const own = r.predecessors.includes(r.unitId);
  return {
    ...history,
    ...(r.closed && { validTo: addDays(r.on, -1) }),
    versions: changed ? [...history.versions.filter((v) => v.from < r.on), next] : history.versions,
    predecessors: r.successors.includes(r.unitId)
      ? [...history.predecessors, ...r.predecessors.filter((p) => p !== r.unitId).map(link)]
      : history.predecessors,
    successors: own
      ? [...history.successors, ...r.successors.filter((s) => s !== r.unitId).map(link)]
      : history.successors,
    reorganisations: [...history.reorganisations, r.reorganisationId],
  };
};

/** Does the unit exist on `on`? */
export const existsOn = (h: UnitHistory, on: LocalDate): boolean =>
  (h.validFrom === undefined || h.validFrom <= on) && (h.validTo === undefined || on <= h.validTo);

/** The unit's name, level and parent on `on` (its first version before it existed, its last after). */
export const versionOn = (h: UnitHistory, on: LocalDate): UnitVersion => {
  let found = h.versions[0];
  for (const v of h.versions) if (v.from <= on) found = v;
  return found;
};

/** The unit as it stands now: its latest version. */
export const currentVersion = (h: UnitHistory): UnitVersion => h.versions[h.versions.length - 1];

/**
 * Why a case may not be transferred to this unit on `on`, or undefined: only to an agency that
 * enforces (not the central department, Luật THADS Điều 13) and that exists that day.
 */
export const transferRefusal = (h: UnitHistory, on: LocalDate): string | undefined => {
  if (versionOn(h, on).level === 'central')
    return `${h.unitId} là cơ quan quản lý thi hành án dân sự ở trung ương, không tổ chức thi hành án (Luật THADS Điều 13)`;
  if (h.validTo !== undefined && on > h.validTo)
    return `${h.unitId} đã chấm dứt hoạt động từ ngày ${addDays(h.validTo, 1)}`;
  if (h.validFrom !== undefined && on < h.validFrom)
    return `${h.unitId} chưa được thành lập vào ngày ${on} (từ ${h.validFrom})`;
  return undefined;
};
