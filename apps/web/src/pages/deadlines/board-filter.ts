import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Me } from '../../app/auth';

/** What the board shows, kept in the URL (a link can be sent to a colleague). */
export interface BoardFilter {
  unitId: string;
  /** YYYY-MM-DD; absent: today (the server's). */
  asOf?: string;
  /** One or more statuses joined by commas; by default what an inspector looks for. */
  status: string;
  rule?: string;
  enforcerId?: string;
  page: number;
  pageSize: number;
}

const DEFAULT_STATUS = 'overdue,late';
const PAGE_SIZE = 20;

export const useBoardFilter = (me: Me): [BoardFilter, (change: Partial<BoardFilter>) => void] => {
  const [params, setParams] = useSearchParams();
  const filter = useMemo<BoardFilter>(
    () => ({
      unitId: params.get('don-vi') ?? me.unitId,
      asOf: params.get('ngay') ?? undefined,
      status: params.get('tinh-trang') ?? DEFAULT_STATUS,
      rule: params.get('quy-dinh') ?? undefined,
      enforcerId: params.get('chv') ?? undefined,
      page: Number(params.get('trang') ?? 1) || 1,
      pageSize: Number(params.get('so-dong') ?? PAGE_SIZE) || PAGE_SIZE,
    }),
    [params, me.unitId],
  );
  const change = useCallback(
    (next: Partial<BoardFilter>) => {
      const merged = { ...filter, ...next };
      // Any filter but the page itself starts again at the first page.
      if (!('page' in next)) merged.page = 1;
      const out = new URLSearchParams();
      if (merged.unitId !== me.unitId) out.set('don-vi', merged.unitId);
      if (merged.asOf) out.set('ngay', merged.asOf);
      if (merged.status !== DEFAULT_STATUS) out.set('tinh-trang', merged.status);
      if (merged.rule) out.set('quy-dinh', merged.rule);
      if (merged.enforcerId) out.set('chv', merged.enforcerId);
      if (merged.page > 1) out.set('trang', String(merged.page));
      if (merged.pageSize !== PAGE_SIZE) out.set('so-dong', String(merged.pageSize));
      setParams(out, { replace: false });
    },
    [filter, me.unitId, setParams],
  );
  return [filter, change];
};

/** The API's query for a filter (GET /api/deadlines, /deadlines.csv, /deadlines/by-unit). */
export const boardQuery = (f: BoardFilter): Record<string, string> => {
  const q: Record<string, string> = { unitId: f.unitId, status: f.status };
  if (f.asOf) q.asOf = f.asOf;
  if (f.rule) q.rule = f.rule;
  if (f.enforcerId) q.enforcerId = f.enforcerId;
  return q;
};
