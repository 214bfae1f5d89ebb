import ReactECharts from 'echarts-for-react';
import { useI18n } from '../../i18n/i18n';
import { ByUnit, DeadlineStatus } from './board-types';

/** Colours that stay apart in grey print too (overdue darkest). */
const COLOURS: Record<DeadlineStatus, string> = {
  overdue: '#7a1f1f',
  late: '#d46b08',
  open: '#1677ff',
  met: '#8fbf6a',
  cancelled: '#bfbfbf',
};

/**
 * The summary bar chart of the board: per unit under the one chosen, its deadlines stacked by
 * status. Loaded lazily (echarts is large): the table shows first.
 */
const ByUnitChart = ({ data, statuses }: { data: ByUnit; statuses: ReadonlyArray<DeadlineStatus> }) => {
  const { t } = useI18n();
  const rows = data.units.filter((u) => u.total > 0);
  if (rows.length === 0) return <p>{t('board.chart.empty')}</p>;
  const names = rows.map((u) => (u.scope === 'own' ? t('board.chart.own', { name: u.name }) : u.name));
  const option = {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 260, overflow: 'truncate' } },
    series: statuses.map((s) => ({
      name: t(`board.status.${s}`),
      type: 'bar',
      stack: 'total',
      itemStyle: { color: COLOURS[s] },
      label: { show: true, formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : '') },
      data: rows.map((u) => u[s]),
    })),
  };
  return (
    <div
      role="img"
      aria-label={`${t('board.chart')}: ${rows.map((u, i) => `${names[i]} ${statuses.map((s) => `${t(`board.status.${s}`)} ${u[s]}`).join(', ')}`).join('; ')}`}
    >
      <ReactECharts
        option={option}
        style={{ height: Math.max(160, 40 + rows.length * 34) }}
        opts={{ renderer: 'svg' }}
        notMerge
      />
    </div>
  );
};
export default ByUnitChart;
