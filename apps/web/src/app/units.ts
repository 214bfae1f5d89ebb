import { useQuery } from '@tanstack/react-query';
import { api, unwrapAs } from '../api/client';

/** GET /api/units: the unit tree (names for ids). */
export interface Unit {
  unitId: string;
  name: string;
  level: string;
  parentId?: string | null;
}

export const useUnits = () =>
  useQuery({
    queryKey: ['units'],
    queryFn: () => unwrapAs<{ items: Unit[] }>(api.GET('/api/units')),
    select: (data): Unit[] => data.items,
    staleTime: 10 * 60_000,
  });

export interface UnitNode {
  value: string;
  title: string;
  children: UnitNode[];
}

/** A unit and those under it, for antd's TreeSelect: what a user may list or receive for. */
export const unitTree = (units: ReadonlyArray<Unit>, rootId: string): UnitNode[] => {
  const node = (u: Unit): UnitNode => ({
    value: u.unitId,
    title: u.name,
    children: units.filter((c) => c.parentId === u.unitId).map(node),
  });
  const root = units.find((u) => u.unitId === rootId);
  return root ? [node(root)] : [];
};
