import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Form, InputNumber, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrapAs } from '../../api/client';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n';
import { CalendarDay, CalendarYear, DayKind } from './calendar-types';
import { MonthGrid } from './MonthGrid';
import './calendar.css';

const KINDS: DayKind[] = ['holiday', 'compensatory', 'swapOff', 'swapWork'];
const WEEKDAY = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];

/**
 * /lich-lam-viec: the civil servants' working calendar of a year (Bộ luật Lao động 2019 Điều 111,
 * 112 and the yearly notice), which working-day deadlines skip: a 12-month grid and the list of
 * days with their source.
 */
const CalendarPage = () => {
  const { t, tOr } = useI18n();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('nam')) || new Date().getFullYear();
  const calendar = useQuery({
    queryKey: ['calendar', year],
    queryFn: () => unwrapAs<CalendarYear>(api.GET('/api/calendar/{year}', { params: { path: { year } } as never })),
  });
  const byDate = useMemo(() => new Map((calendar.data?.days ?? []).map((d) => [d.date, d])), [calendar.data]);

  const columns: ColumnsType<CalendarDay> = [
    {
      title: t('calendar.col.date'),
      dataIndex: 'date',
      key: 'date',
      render: (d: string) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {WEEKDAY[new Date(`${d}T00:00:00Z`).getUTCDay()]} {formatDate(d)}
        </span>
      ),
    },
    {
      title: t('calendar.col.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: DayKind) => <Tag className={`tag-${k}`}>{tOr(`calendar.kind.${k}`, k)}</Tag>,
    },
    { title: t('calendar.col.reason'), dataIndex: 'reason', key: 'reason' },
    {
      title: t('calendar.col.source'),
      key: 'source',
      render: (_, d) => (
        <span>
          {d.source}
          {d.confidence && d.confidence !== 'sure' && (
            <Typography.Text type="secondary">
              {' '}
              ({tOr(`calendar.confidence.${d.confidence}`, d.confidence)})
            </Typography.Text>
          )}
        </span>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('calendar.title', { year })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('calendar.intro')}
        </Typography.Paragraph>
      </div>
      <Card size="small">
        <Form layout="inline">
          <Form.Item label={t('calendar.year')} htmlFor="calendar-year">
            <InputNumber
              id="calendar-year"
              min={2000}
              max={2100}
              value={year}
              data-testid="calendar-year"
              onChange={(y) => {
                if (y && y >= 2000 && y <= 2100) setParams({ nam: String(y) });
              }}
            />
          </Form.Item>
        </Form>
        {calendar.data && (
          <Space direction="vertical" size={0} style={{ marginTop: 8 }}>
            <strong>{t('calendar.workingDays', { days: calendar.data.workingDays })}</strong>
            <span>
              {calendar.data.notice
                ? t('calendar.notice', { source: calendar.data.notice.source })
                : t('calendar.computed')}
            </span>
            <span>
              {t('calendar.weekend', {
                days: calendar.data.weekend.days.join(', '),
                source: calendar.data.weekend.source,
              })}
            </span>
          </Space>
        )}
      </Card>
      {calendar.isError && (
        <Alert type="error" showIcon message={t('app.error')} description={(calendar.error as Error).message} />
      )}
      {calendar.isPending ? (
        <Spin />
      ) : (
        calendar.data && (
          <>
            <Card size="small">
              <Space className="calendar-legend" wrap style={{ marginBottom: 8 }}>
                {KINDS.map((k) => (
                  <span key={k}>
                    <span className={`swatch month-grid-swatch day-${k}`} />
                    {tOr(`calendar.kind.${k}`, k)}
                  </span>
                ))}
                <span>
                  <span className="swatch day-weekend" />
                  {t('calendar.weekendDay')}
                </span>
              </Space>
              <Row gutter={[24, 16]}>
                {Array.from({ length: 12 }, (_, i) => (
                  <Col key={i} xs={24} sm={12} md={8} xl={6}>
                    <MonthGrid year={year} month={i + 1} days={byDate} />
                  </Col>
                ))}
              </Row>
            </Card>
            <Card
              size="small"
              title={
                <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                  {t('calendar.list')}
                </Typography.Title>
              }
            >
              <Table<CalendarDay>
                rowKey="date"
                size="small"
                columns={columns}
                dataSource={calendar.data.days}
                pagination={false}
                data-testid="calendar-table"
              />
            </Card>
          </>
        )
      )}
    </Space>
  );
};
export default CalendarPage;
