import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { Card, Col, Row } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { SeriesPoint, UnitRow } from './stats-queries';

// Only the parts drawn here (tree-shaken), and SVG: the charts stay sharp on paper.
echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Whole đồng (a decimal string) in tỷ đồng for a chart axis; precision past a million is not drawn. */
const billions = (amount: string | number): number => Number(BigInt(String(amount)) / 1_000_000n) / 1000;
const monthOf = (date: string) => `${date.slice(5, 7)}/${date.slice(0, 4)}`;
const TEXT = { color: '#1f1f1f', fontSize: 12 };
/** A percentage as Vietnamese writes it ("47,30"). */
const percent = ({ value }: { value: unknown }) => Number(value).toFixed(2).replace('.', ',');
/** An axis or tooltip number as Vietnamese writes it: comma decimals, dot thousands ("1.234,5"). */
const vn = (value: unknown) => Number(value).toLocaleString('vi-VN', { maximumFractionDigits: 3 });
const VALUE_LABEL = { ...TEXT, formatter: vn };

/**
 * The pictures of the report (loaded apart from the page, so ECharts is fetched only here): the
 * monthly trend of the two rates against the target, the monthly resolved cases and money, and
 * the units side by side. Each point of the series is the report for 1 October … end of month.
 */
const StatsCharts = ({ points, rows }: { points: SeriesPoint[]; rows: UnitRow[] }) => {
  const { t } = useI18n();
  const months = points.map((p) => monthOf(p.to));
  const hasTarget = points.some((p) => p.target);
  const base = {
    animation: false,
    textStyle: TEXT,
    tooltip: { trigger: 'axis', valueFormatter: vn },
    legend: { top: 0, textStyle: TEXT },
    grid: { left: 56, right: 56, top: 64, bottom: 32 },
  };
  const trend = {
    ...base,
    xAxis: { type: 'category', data: months, axisLabel: TEXT },
    yAxis: { type: 'value', name: '%', min: 0, max: 100, axisLabel: VALUE_LABEL },
    series: [
      { name: t('stats.chart.rateCases'), type: 'line', data: points.map((p) => Number(p.cases.rate)), symbolSize: 7 },
      {
        name: t('stats.chart.rateMoney'),
        type: 'line',
        data: points.map((p) => Number(p.money.rate)),
        symbolSize: 7,
        lineStyle: { type: 'dashed' },
      },
      ...(hasTarget
        ? [
            {
              name: t('stats.chart.targetCases'),
              type: 'line',
              data: points.map((p) => (p.target ? Number(p.target.cases) : null)),
              lineStyle: { type: 'dotted' },
              symbol: 'none',
            },
          ]
        : []),
    ],
  };
  const resolved = {
    ...base,
    xAxis: { type: 'category', data: months, axisLabel: TEXT },
    yAxis: [
      { type: 'value', name: t('stats.chart.axisCases'), axisLabel: VALUE_LABEL, nameTextStyle: TEXT },
      {
        type: 'value',
        name: t('stats.chart.axisBillions'),
        axisLabel: VALUE_LABEL,
        nameTextStyle: TEXT,
        splitLine: { show: false },
      },
    ],
    series: [
      { name: t('stats.chart.resolvedCases'), type: 'bar', data: points.map((p) => Number(p.cases.resolved)) },
      {
        name: t('stats.chart.resolvedMoney'),
        type: 'line',
        yAxisIndex: 1,
        data: points.map((p) => billions(p.money.resolved)),
        symbolSize: 7,
      },
    ],
  };
  const units = rows.filter((r) => r.scope !== 'total');
  const compared = {
    ...base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: vn },
    grid: { left: 200, right: 32, top: 40, bottom: 32 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: units.map((r) => (r.scope === 'own' ? t('stats.row.own', { name: r.name }) : r.name)),
      axisLabel: { ...TEXT, width: 190, overflow: 'truncate' },
    },
    xAxis: { type: 'value', name: '%', min: 0, max: 100, axisLabel: VALUE_LABEL },
    series: [
      {
        name: t('stats.chart.rateCases'),
        type: 'bar',
        data: units.map((r) => Number(r.cases.rate)),
        label: { show: true, position: 'right', formatter: percent, ...TEXT },
      },
      {
        name: t('stats.chart.rateMoney'),
        type: 'bar',
        data: units.map((r) => Number(r.money.rate)),
        label: { show: true, position: 'right', formatter: percent, ...TEXT },
      },
    ],
  };
  const chart = (option: object, height: number) => (
    <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge opts={{ renderer: 'svg' }} />
  );
  return (
    <Row gutter={[12, 12]} className="stats-charts">
      <Col xs={24} xl={12}>
        <Card size="small" title={t('stats.chart.trend')} data-testid="chart-trend">
          {chart(trend, 300)}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('stats.chart.resolved')} data-testid="chart-resolved">
          {chart(resolved, 300)}
        </Card>
      </Col>
      {units.length > 0 && (
        <Col xs={24}>
          <Card size="small" title={t('stats.chart.units')} data-testid="chart-units">
            {chart(compared, Math.max(200, 60 + units.length * 48))}
          </Card>
        </Col>
      )}
    </Row>
  );
};
export default StatsCharts;
