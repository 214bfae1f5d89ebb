/**
 * The figure whose cases the drawer lists, kept in the URL (`xem=money.completed.kg`, with
 * `xemTu`/`xemDen` when it is another period, such as last year's, and `xemRieng=1` for a unit's
 * own cases without its subunits') so a list can be sent too.
 */
export interface DrillTarget {
  measure: 'cases' | 'money';
  column: string;
  unitId: string;
  from?: string;
  to?: string;
  own?: boolean;
}

export const drillParam = (d: DrillTarget): string => `${d.measure}.${d.column}.${d.unitId}`;

export const parseDrill = (params: URLSearchParams): DrillTarget | undefined => {
  const value = params.get('xem');
  const match = value ? /^(cases|money)\.([A-Za-z]+)\.(.+)$/.exec(value) : null;
  if (!match) return undefined;
  return {
    measure: match[1] as 'cases' | 'money',
    column: match[2],
    unitId: match[3],
    from: params.get('xemTu') ?? undefined,
    to: params.get('xemDen') ?? undefined,
    own: params.get('xemRieng') === '1',
  };
};
