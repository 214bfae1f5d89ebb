import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Result, Row, Skeleton, Space, TreeSelect, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useAuth } from '../../app/auth';
import { unitTree, useUnits } from '../../app/units';
import { DATE_FORMAT, formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n';
import { formatInstant } from '../case/CaseTimeline';
import { DrillDrawer } from './DrillDrawer';
import { FiguresTable } from './FiguresTable';
import { PeriodPicker } from './PeriodPicker';
import { RateSummary } from './RateSummary';
import { ReportDownloads } from './ReportDownloads';
import { defaultPeriod } from './reporting-period';
import { useReport, useSeries, useUnitRows } from './stats-queries';
import { WatchLists } from './WatchLists';
import './stats.css';

// ECharts is big: loaded only when the charts are drawn, never in the first visit's bundle.
const StatsCharts = lazy(() => import('./StatsCharts'));

/**
 * /thong-ke: the statistician's report. A unit (of those the user may read), a reporting period
 * from 1 October, the figures as known at any instant; the offices' two tables with a row per
 * subunit, every figure a link to its cases; the rates against the target and last year; the
 * monthly trend and the units side by side. The query is the URL (`unit`, `from`, `to`,
 * `asKnownAt`), so a report can be sent to a colleague.
 */
const StatsPage = () => {
  const { t } = useI18n();
  const { me } = useAuth();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const today = dayjs().format('YYYY-MM-DD');
  const fallback = defaultPeriod(today);
  const unitId = params.get('unit') ?? me?.unitId ?? '';
  const from = params.get('from') ?? fallback.from;
  const to = params.get('to') ?? fallback.to;
  const asKnownAt = params.get('asKnownAt') ?? undefined;
  const period = { unitId, from, to, asKnownAt };
  const report = useReport(period);
  const rows = useUnitRows(period);
  const series = useSeries(period);

  const set = (values: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(values))
      if (value) next.set(name, value);
      else next.delete(name);
    setParams(next, { replace: true });
  };
  const unitName = units.data?.find((u) => u.unitId === unitId)?.name ?? unitId;
  const tree = me && units.data ? unitTree(units.data, me.unitId) : [];
  const status = report.error instanceof ApiError ? report.error.status : undefined;

  return (
    <div data-testid="stats-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('stats.title')}
        </Typography.Title>
        <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('stats.print')}
        </Button>
      </Space>

      <Card size="small" className="no-print" style={{ marginBottom: 12 }}>
        <Row gutter={[12, 8]} align="middle">
          <Col xs={24} lg={7}>
            <TreeSelect
              aria-label={t('stats.unit')}
              style={{ width: '100%' }}
              treeData={tree}
              treeDefaultExpandAll
              value={unitId}
              showSearch
              treeNodeFilterProp="title"
              data-testid="stats-unit"
              onChange={(value: string) => set({ unit: value })}
            />
          </Col>
          <Col xs={24} lg={17}>
            <PeriodPicker from={from} to={to} today={today} onChange={(f, tt) => set({ from: f, to: tt })} />
          </Col>
          <Col xs={24} lg={7}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format={`${DATE_FORMAT} HH:mm`}
              placeholder={`${t('stats.asKnownAt')}: ${t('stats.now')}`}
              style={{ width: '100%' }}
              aria-label={t('stats.asKnownAt')}
              value={asKnownAt ? dayjs(asKnownAt) : null}
              // An instant with its offset: the office's clock is Vietnam's (UTC+7).
              onChange={(d: Dayjs | null) =>
                set({ asKnownAt: d ? `${d.format('YYYY-MM-DDTHH:mm')}:00+07:00` : undefined })
              }
            />
          </Col>
          <Col xs={24} lg={17}>
            <ReportDownloads period={period} />
          </Col>
        </Row>
      </Card>

      <Typography.Title level={2} className="stats-h2" data-testid="stats-heading">
        {t('stats.heading', { unit: unitName, from: formatDate(from), to: formatDate(to) })}
        {asKnownAt && <> · {t('stats.headingKnownAt', { at: formatInstant(asKnownAt) })}</>}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('stats.periodNote')}</Typography.Paragraph>

      {status === 403 && <Result status="403" title={t('stats.forbidden')} />}
      {report.isError && status !== 403 && (
        <Alert type="error" showIcon message={report.error.message || t('app.error')} />
      )}
      {report.isPending && <Skeleton active />}
      {report.data && <RateSummary report={report.data} unitName={unitName} />}
      {rows.data && (
        <>
          <FiguresTable rows={rows.data} measure="cases" loading={rows.isFetching} />
          <FiguresTable rows={rows.data} measure="money" loading={rows.isFetching} />
        </>
      )}
      {report.data && <WatchLists unitId={unitId} asOf={to > today ? today : to} asKnownAt={asKnownAt} />}
      {series.data && rows.data && (
        <section style={{ marginTop: 16 }}>
          <Typography.Title level={2} className="stats-h2">
            {t('stats.charts')}
          </Typography.Title>
          <Suspense fallback={<Skeleton active title={false} paragraph={{ rows: 6 }} />}>
            <StatsCharts points={series.data} rows={rows.data} />
          </Suspense>
        </section>
      )}
      <DrillDrawer period={{ from, to, asKnownAt }} />
    </div>
  );
};
export default StatsPage;
