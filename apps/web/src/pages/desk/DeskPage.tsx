import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Form,
  Input,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { unitTree, useUnits } from '../../app/units';
import { caseLink } from '../../app/routes';
import { formatDate } from '../../format/date';
import { formatMoney } from '../../format/money';
import { MoneyInput } from '../../format/MoneyInput';
import { useI18n } from '../../i18n/i18n';
import { STATE_NAMES, STATISTIC_CLASSES } from '../../i18n/lifecycle-words';
import { CaseItem, useCasePage } from './case-page';
import { useDeskFilter } from './desk-filter';
import { WatchLists } from '../stats/WatchLists';

/**
 * /ban-lam-viec: the cases of the user's unit (with the units under it), or those assigned to an
 * enforcer, nearest procedural deadline first (overdue first); filters and search in the URL.
 */
export const DeskPage = () => {
  const { t, tOr } = useI18n();
  const { me, may } = useAuth();
  const [filter, change, mine] = useDeskFilter(me!);
  const cases = useCasePage(filter);
  const units = useUnits();
  const tree = useMemo(() => unitTree(units.data ?? [], me!.unitId), [units.data, me]);
  const unitName = (id: string) => units.data?.find((u) => u.unitId === id)?.name ?? id;

  const columns: ColumnsType<CaseItem> = [
    {
      title: t('desk.col.caseId'),
      dataIndex: 'caseId',
      key: 'caseId',
      render: (id: string) => (
        <Link to={caseLink(id)} style={{ whiteSpace: 'nowrap' }}>
          {id}
        </Link>
      ),
    },
    {
      title: t('desk.col.parties'),
      key: 'parties',
      render: (_, c) => (
        <Space direction="vertical" size={0}>
          <span>{c.debtor}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('desk.creditorShort')}: {c.creditor}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('desk.col.judgment'),
      dataIndex: 'judgmentNumber',
      key: 'judgment',
      responsive: ['lg'],
      render: (n: string) => <span style={{ whiteSpace: 'nowrap' }}>{n}</span>,
    },
    { title: t('desk.col.state'), dataIndex: 'state', key: 'state', render: (s: string) => tOr(`state.${s}`, s) },
    {
      title: t('desk.col.due'),
      key: 'due',
      align: 'right',
      render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(c.amounts.due)}</span>,
    },
    {
      title: t('desk.col.deadline'),
      key: 'deadline',
      render: (_, c) => {
        const d = c.nextDeadline;
        if (!d) return <Typography.Text type="secondary">{t('deadline.none')}</Typography.Text>;
        return (
          <Space direction="vertical" size={0}>
            <span>
              <strong>{formatDate(d.dueOn)}</strong>{' '}
              {d.status === 'overdue' ? (
                <Tag className="tag-overdue">{t('deadline.overdueBy', { days: d.daysOverdue ?? 0 })}</Tag>
              ) : (
                <Tag className="tag-open">{t('deadline.open')}</Tag>
              )}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.title}
            </Typography.Text>
          </Space>
        );
      },
    },
    {
      title: t('desk.col.received'),
      dataIndex: 'receivedOn',
      key: 'received',
      render: (d: string) => formatDate(d),
      responsive: ['md'],
    },
    {
      title: t('desk.col.enforcer'),
      dataIndex: 'enforcerId',
      key: 'enforcer',
      responsive: ['lg'],
      render: (id: string | null) => id ?? <Typography.Text type="secondary">{t('desk.unassigned')}</Typography.Text>,
    },
  ];

  const options = (names: ReadonlyArray<string>, prefix: string) =>
    names.map((n) => ({ value: n, label: tOr(`${prefix}.${n}`, n) }));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('desk.title')} — {unitName(filter.unitId)}
      </Typography.Title>
      <Card size="small">
        <Form layout="vertical" key={JSON.stringify(filter)}>
          <Row gutter={12}>
            <Col xs={24} lg={10}>
              <Form.Item label={t('desk.search')} htmlFor="desk-q">
                <Input.Search
                  id="desk-q"
                  allowClear
                  defaultValue={filter.q}
                  enterButton={<SearchOutlined aria-label={t('desk.search')} />}
                  onSearch={(q) => change({ q: q.trim() || undefined })}
                  data-testid="desk-search"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={7}>
              <Form.Item label={t('app.unit')} htmlFor="desk-unit">
                <TreeSelect
                  id="desk-unit"
                  treeData={tree}
                  value={filter.unitId}
                  treeDefaultExpandAll
                  onChange={(unitId: string) => change({ unitId })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={7}>
              <Form.Item label={t('desk.sort')} htmlFor="desk-sort">
                <Select
                  id="desk-sort"
                  value={filter.sort}
                  onChange={(sort) => change({ sort })}
                  options={[
                    { value: 'deadline', label: t('desk.sort.deadline') },
                    { value: 'received', label: t('desk.sort.received') },
                    { value: 'caseId', label: t('desk.sort.caseId') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label={t('desk.state')} htmlFor="desk-state">
                <Select
                  id="desk-state"
                  allowClear
                  value={filter.state}
                  onChange={(state?: string) => change({ state })}
                  options={options(STATE_NAMES, 'state')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item label={t('desk.class')} htmlFor="desk-class">
                <Select
                  id="desk-class"
                  allowClear
                  value={filter.statisticClass}
                  onChange={(statisticClass?: string) => change({ statisticClass })}
                  options={options(STATISTIC_CLASSES, 'class')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8} lg={3}>
              <Form.Item label={t('desk.origin')} htmlFor="desk-origin">
                <Select
                  id="desk-origin"
                  allowClear
                  value={filter.origin}
                  onChange={(origin?: string) => change({ origin })}
                  options={options(['onRequest', 'exOfficio'], 'origin')}
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8} lg={3}>
              <Form.Item label={t('desk.minDue')} htmlFor="desk-min">
                <MoneyInput
                  id="desk-min"
                  defaultValue={filter.minDue}
                  onBlur={(e) => change({ minDue: e.target.value.replace(/\D/g, '') || undefined })}
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8} lg={3}>
              <Form.Item label={t('desk.maxDue')} htmlFor="desk-max">
                <MoneyInput
                  id="desk-max"
                  defaultValue={filter.maxDue}
                  onBlur={(e) => change({ maxDue: e.target.value.replace(/\D/g, '') || undefined })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={4}>
              {me!.role === 'enforcer' ? (
                <Form.Item label={t('desk.mine')} htmlFor="desk-mine">
                  <Switch id="desk-mine" checked={mine} onChange={(on) => change({ mine: on })} />
                </Form.Item>
              ) : (
                <Form.Item label={t('desk.enforcer')} htmlFor="desk-enforcer">
                  <Input
                    id="desk-enforcer"
                    allowClear
                    defaultValue={filter.enforcerId}
                    placeholder="chv-…"
                    onPressEnter={(e) => change({ enforcerId: e.currentTarget.value.trim() || undefined })}
                    onBlur={(e) => change({ enforcerId: e.target.value.trim() || undefined })}
                  />
                </Form.Item>
              )}
            </Col>
          </Row>
          <Button
            icon={<ClearOutlined />}
            onClick={() =>
              change({
                q: undefined,
                state: undefined,
                statisticClass: undefined,
                origin: undefined,
                minDue: undefined,
                maxDue: undefined,
                enforcerId: undefined,
                unitId: undefined,
              })
            }
          >
            {t('desk.reset')}
          </Button>
        </Form>
      </Card>
      {cases.isError && (
        <Alert type="error" showIcon message={t('app.error')} description={(cases.error as Error).message} />
      )}
      <Table<CaseItem>
        rowKey="caseId"
        size="small"
        columns={columns}
        dataSource={cases.data?.items}
        loading={cases.isFetching}
        locale={{ emptyText: <Typography.Text type="secondary">{t('desk.empty')}</Typography.Text> }}
        data-testid="desk-table"
        rowClassName={(c) => (c.nextDeadline?.status === 'overdue' ? 'row-overdue' : '')}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: cases.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('desk.total', { total: total.toLocaleString(t('app.numberLocale')) }),
          onChange: (page, pageSize) => change({ page, pageSize }),
        }}
      />
      {may('statistics.read') && (
        // Closed until asked for: the watch lists read every case of the unit (docs/watchlists.md).
        <Collapse
          size="small"
          destroyOnHidden
          data-testid="desk-watch"
          items={[
            {
              key: 'watch',
              label: t('watch.desk'),
              children: <WatchLists unitId={filter.unitId} asOf={dayjs().format('YYYY-MM-DD')} />,
            },
          ]}
        />
      )}
    </Space>
  );
};
