import { Link, useLocation, useSearchParams } from 'react-router';
import { formatMoney } from '../../format/money';
import { useI18n } from '../../i18n/i18n';
import { DrillTarget, drillParam } from './drill-target';
import { keyLabel } from './figure-columns';

/**
 * A figure of the report as a link to the cases behind it (the drawer opens on the same URL plus
 * `xem`), so every number can be checked case by case.
 */
export const FigureLink = ({
  value,
  target,
  unitName,
}: {
  value: number | string;
  target: DrillTarget;
  unitName: string;
}) => {
  const { t, language } = useI18n();
  const [params] = useSearchParams();
  const location = useLocation();
  const next = new URLSearchParams(params);
  next.set('xem', drillParam(target));
  if (target.from) next.set('xemTu', target.from);
  else next.delete('xemTu');
  if (target.to) next.set('xemDen', target.to);
  else next.delete('xemDen');
  if (target.own) next.set('xemRieng', '1');
  else next.delete('xemRieng');
  const shown =
    target.measure === 'money'
      ? formatMoney(String(value))
      : Number(value).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <Link
      to={`${location.pathname}?${next}`}
      className="stats-figure"
      data-testid={`fig-${target.measure}-${target.column}-${target.unitId}${target.own ? '-own' : target.from ? '-then' : ''}`}
      data-value={String(value)}
    >
      {/* On paper a long sum may wrap, but only at its group dots. */}
      {shown.split('.').map((part, i) =>
        i === 0 ? (
          part
        ) : (
          <span key={i}>
            .<wbr />
            {part}
          </span>
        ),
      )}
      {/* What the number is, for a screen reader (the column heading is far from the cell). */}
      <span className="stats-sr-only">
        {t('stats.cellLink', { column: t(keyLabel(target.column)), unit: unitName })}
      </span>
    </Link>
  );
};
