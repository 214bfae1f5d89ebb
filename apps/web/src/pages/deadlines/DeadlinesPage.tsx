import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  TreeSelect,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrapAs } from '../../api/client';
import { useAuth } from '../../app/auth';
import { caseLink } from '../../app/routes';
import { unitTree, useUnits } from '../../app/units';
import { DATE_FORMAT, formatDate, toLocalDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n';
import { downloadWithToken } from '../history/download';
import { boardQuery, useBoardFilter } from './board-filter';
import { BoardItem, BoardPage, ByUnit, DEADLINE_STATUSES, DeadlineStatus, RuleRow } from './board-types';

const ByUnitChart = lazy(() => import('./ByUnitChart'));

const STATUS_TAG: Record<DeadlineStatus, string> = {
  overdue: 'tag-overdue',
  late: 'tag-late',
  open: 'tag-open',
  met: 'tag-met',
  cancelled: 'tag-cancelled',
};

/**
 * /thoi-han: the inspection board. Every procedural deadline of the cases of a unit (and those
 * under it) as of a date, most overdue first, with the article that sets it (Luật THADS Điều 12:
 * the procuracy checks that deadlines are kept); a chart per unit under it; the list as CSV.
 */
const DeadlinesPage = () => {
  const { t } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const [filter, change] = useBoardFilter(me!);
  const units = useUnits();
  const tree = useMemo(() => unitTree(units.data ?? [], me!.unitId), [units.data, me]);
  const unitName = (id: string) => units.data?.find((u) => u.unitId === id)?.name ?? id;
  const query = boardQuery(filter);
  const [exporting, setExporting] = useState(false);

  const rules = useQuery({
    queryKey: ['deadline-rules'],
    queryFn: () => unwrapAs<{ rules: RuleRow[] }>(api.GET('/api/deadlines/rules')),
    staleTime: 60 * 60_000,
  });
  const ruleOptions = useMemo(() => {
    // A rule id is shared by the regimes (2009, 2015, 2026): one option per id.
    const seen = new Map<string, string>();
    for (const r of rules.data?.rules ?? []) if (!seen.has(r.id)) seen.set(r.id, r.title);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [rules.data]);

  const page = useQuery({
    queryKey: ['deadlines', query, filter.page, filter.pageSize],
    queryFn: () =>
      unwrapAs<BoardPage>(
        api.GET('/api/deadlines', {
          params: { query: { ...query, limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize } as never },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  const byUnit = useQuery({
    queryKey: ['deadlines-by-unit', query],
    queryFn: () => unwrapAs<ByUnit>(api.GET('/api/deadlines/by-unit', { params: { query: query as never } })),
  });

  const statuses = filter.status
    .split(',')
    .filter((s): s is DeadlineStatus => (DEADLINE_STATUSES as ReadonlyArray<string>).includes(s));

  const exportCsv = async () => {
    setExporting(true);
    try {
      await downloadWithToken(
        `/api/deadlines.csv?${new URLSearchParams(query).toString()}`,
        `thoi-han-${filter.unitId}.csv`,
      );
    } catch {
      void message.error(t('board.exportFailed'));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<BoardItem> = [
    {
      title: t('board.col.case'),
      dataIndex: 'caseId',
      key: 'case',
      render: (id: string) => (
        <Link to={caseLink(id)} style={{ whiteSpace: 'nowrap' }}>
          {id}
        </Link>
      ),
    },
    { title: t('board.col.rule'), dataIndex: 'title', key: 'rule' },
    {
      title: t('board.col.article'),
      key: 'article',
      render: (_, d) => (
        // The article is what the inspector cites; the law's long name is in the tooltip and the CSV.
        <Tooltip title={d.legalBasis.law}>
          <strong style={{ whiteSpace: 'nowrap' }} tabIndex={0}>
            {d.legalBasis.article}
          </strong>
        </Tooltip>
      ),
    },
    {
      title: t('board.col.startsOn'),
      dataIndex: 'startsOn',
      key: 'starts',
      responsive: ['lg'],
      render: (d: string) => formatDate(d),
    },
    {
      title: t('board.col.due'),
      dataIndex: 'due',
      key: 'due',
      render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(d)}</span>,
    },
    {
      title: t('board.col.status'),
      key: 'status',
      render: (_, d) => (
        <Space direction="vertical" size={0}>
          <Tag className={STATUS_TAG[d.status]}>{t(`board.status.${d.status}`)}</Tag>
          {d.status === 'overdue' && d.daysOverdue !== undefined && (
            <span>{t('board.daysOverdue', { days: d.daysOverdue })}</span>
          )}
          {d.status === 'late' && d.daysLate !== undefined && <span>{t('board.daysLate', { days: d.daysLate })}</span>}
        </Space>
      ),
    },
    {
      title: t('board.col.unit'),
      dataIndex: 'unitId',
      key: 'unit',
      responsive: ['md'],
      render: (id: string) => unitName(id),
    },
    {
      title: t('board.col.enforcer'),
      dataIndex: 'enforcerId',
      key: 'enforcer',
      responsive: ['lg'],
      render: (id: string | null) => id ?? '',
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('board.title')} — {unitName(filter.unitId)}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('board.intro')}
        </Typography.Paragraph>
      </div>
      <Card size="small">
        <Form layout="vertical" key={JSON.stringify(filter)}>
          <Row gutter={12}>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label={t('board.unit')} htmlFor="board-unit">
                <TreeSelect
                  id="board-unit"
                  treeData={tree}
                  value={filter.unitId}
                  treeDefaultExpandAll={tree[0]?.children.length ? tree[0].children.length < 20 : true}
                  showSearch
                  treeNodeFilterProp="title"
                  onChange={(unitId: string) => change({ unitId })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={4}>
              <Form.Item label={t('board.asOf')} htmlFor="board-asof">
                <DatePicker
                  id="board-asof"
                  format={DATE_FORMAT}
                  style={{ width: '100%' }}
                  value={filter.asOf ? dayjs(filter.asOf) : null}
                  onChange={(d) => change({ asOf: toLocalDate(d) })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label={t('board.status')} htmlFor="board-status">
                <Select
                  id="board-status"
                  mode="multiple"
                  value={statuses}
                  onChange={(next: DeadlineStatus[]) =>
                    change({ status: (next.length ? next : [...DEADLINE_STATUSES]).join(',') })
                  }
                  options={DEADLINE_STATUSES.map((s) => ({ value: s, label: t(`board.status.${s}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item label={t('board.rule')} htmlFor="board-rule">
                <Select
                  id="board-rule"
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  value={filter.rule}
                  loading={rules.isPending}
                  onChange={(rule?: string) => change({ rule })}
                  options={ruleOptions}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={3}>
              <Form.Item label={t('board.enforcer')} htmlFor="board-enforcer">
                <Input
                  id="board-enforcer"
                  allowClear
                  defaultValue={filter.enforcerId}
                  placeholder="chv-…"
                  onPressEnter={(e) => change({ enforcerId: e.currentTarget.value.trim() || undefined })}
                  onBlur={(e) => {
                    const v = e.target.value.trim() || undefined;
                    if (v !== filter.enforcerId) change({ enforcerId: v });
                  }}
                />
              </Form.Item>
            </Col>
          </Row>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void exportCsv()}
            loading={exporting}
            data-testid="board-export"
          >
            {t('board.export')}
          </Button>
        </Form>
      </Card>
      {page.isError && (
        <Alert type="error" showIcon message={t('app.error')} description={(page.error as Error).message} />
      )}
      <Card
        size="small"
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('board.chart')}
          </Typography.Title>
        }
      >
        {byUnit.isPending ? (
          <Spin tip={t('board.loading')}>
            <div style={{ height: 80 }} />
          </Spin>
        ) : byUnit.data ? (
          <Suspense fallback={<Spin />}>
            <ByUnitChart data={byUnit.data} statuses={statuses} />
          </Suspense>
        ) : null}
      </Card>
      <Table<BoardItem>
        rowKey={(d) => `${d.caseId}/${d.rule}/${d.startsOn}`}
        size="small"
        columns={columns}
        dataSource={page.data?.items}
        loading={page.isFetching ? { tip: t('board.loading') } : false}
        locale={{
          emptyText: page.isPending ? (
            t('board.loading')
          ) : (
            <Typography.Text type="secondary">{t('board.empty')}</Typography.Text>
          ),
        }}
        data-testid="board-table"
        rowClassName={(d) => (d.status === 'overdue' ? 'row-overdue' : '')}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: page.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('board.total', { total: total.toLocaleString(t('app.numberLocale')) }),
          onChange: (p, pageSize) => change({ page: p, pageSize }),
        }}
      />
    </Space>
  );
};
export default DeadlinesPage;
