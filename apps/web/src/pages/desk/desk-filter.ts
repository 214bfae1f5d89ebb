import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Me } from '../../app/auth';
import { DeskFilter } from './case-page';

const SORTS = ['deadline', 'received', 'caseId'] as const;
const PAGE_SIZES = [20, 50, 100];

/**
 * The filter in the URL's query (?q=…&state=…&trang=2), defaulting to the user's unit, the
 * nearest deadline first, and for an enforcer the cases assigned to them (Luật THADS Điều 20.1:
 * "vụ việc được phân công"); `cua-toi=0` shows the whole unit.
 */
export const useDeskFilter = (
  me: Me,
): [DeskFilter, (change: Partial<DeskFilter> & { mine?: boolean }) => void, boolean] => {
  const [params, setParams] = useSearchParams();
  const mine = me.role === 'enforcer' && params.get('cua-toi') !== '0';
  const filter = useMemo<DeskFilter>(() => {
    const sort = params.get('sort');
    const size = Number(params.get('so-dong'));
    return {
      unitId: params.get('don-vi') ?? me.unitId,
      q: params.get('q') ?? undefined,
      state: params.get('state') ?? undefined,
      statisticClass: params.get('class') ?? undefined,
      origin: params.get('origin') ?? undefined,
      minDue: params.get('minDue') ?? undefined,
      maxDue: params.get('maxDue') ?? undefined,
      enforcerId: mine ? me.id : (params.get('chv') ?? undefined),
      sort: (SORTS as ReadonlyArray<string>).includes(sort ?? '') ? (sort as DeskFilter['sort']) : 'deadline',
      page: Math.max(1, Number(params.get('trang')) || 1),
      pageSize: PAGE_SIZES.includes(size) ? size : 20,
    };
  }, [params, me, mine]);
  const change = useCallback(
    (next: Partial<DeskFilter> & { mine?: boolean }) => {
      setParams(
        (current) => {
          const out = new URLSearchParams(current);
          const put = (key: string, value: string | number | undefined) =>
            value === undefined || value === '' ? out.delete(key) : out.set(key, String(value));
          const names: Record<string, string> = {
            unitId: 'don-vi',
            q: 'q',
            state: 'state',
            statisticClass: 'class',
            origin: 'origin',
            minDue: 'minDue',
            maxDue: 'maxDue',
            enforcerId: 'chv',
            sort: 'sort',
            page: 'trang',
            pageSize: 'so-dong',
          };
          for (const [key, value] of Object.entries(next))
            if (names[key]) put(names[key], value as string | number | undefined);
          if (next.mine !== undefined) put('cua-toi', next.mine ? undefined : '0');
          // A new filter starts again at the first page.
          if (next.page === undefined) out.delete('trang');
          return out;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [filter, change, mine];
};
