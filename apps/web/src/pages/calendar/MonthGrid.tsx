import { useI18n } from '../../i18n/i18n';
import { CalendarDay } from './calendar-types';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * One month as the office's wall calendar (Monday first): days off in red, weekend days worked
 * in green, plain weekends in grey. Each marked day carries its reason for the tooltip and screen readers.
 */
export const MonthGrid = ({
  year,
  month,
  days,
}: {
  year: number;
  month: number;
  days: ReadonlyMap<string, CalendarDay>;
}) => {
  const { t, tOr } = useI18n();
  const first = new Date(Date.UTC(year, month - 1, 1));
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const weekdays = t('calendar.weekdays').split(',');
  return (
    <table className="month-grid" data-testid={`month-${month}`}>
      <caption>{t('calendar.month', { month })}</caption>
      <thead>
        <tr>
          {weekdays.map((d) => (
            <th key={d} scope="col">
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((d, i) => {
              if (d === null) return <td key={i} />;
              const iso = `${year}-${pad(month)}-${pad(d)}`;
              const day = days.get(iso);
              const weekend = i >= 5;
              const kind = day ? `day-${day.kind}` : weekend ? 'day-weekend' : '';
              const label = day
                ? `${tOr(`calendar.kind.${day.kind}`, day.kind)}: ${day.reason}`
                : weekend
                  ? t('calendar.weekendDay')
                  : undefined;
              return (
                <td
                  key={i}
                  className={kind}
                  title={label}
                  aria-label={label ? `${d}: ${label}` : undefined}
                  data-date={iso}
                >
                  {d}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
};
