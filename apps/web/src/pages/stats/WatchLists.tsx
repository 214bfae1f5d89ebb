import { Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../format/date';
import { formatMoney } from '../../format/money';
import { useI18n } from '../../i18n/i18n';
import { CaseStanding, useWatchListCases, useWatchLists, WatchListSummary } from './watch-queries';

/** What stands in the way of a case: its latest step, its nearest deadline, unsold auctions, an undelivered sale. */
export const CaseObstacles = ({ c }: { c: CaseStanding }) => {
  const { t } = useI18n();
  return (
    <>
      {c.currentStep && (
        <div>
          {c.currentStep.label} ({formatDate(c.currentStep.on)})
        </div>
      )}
      {c.nextDeadline && (
        <div>
          <Tag color={c.nextDeadline.status === 'overdue' ? 'red' : 'blue'}>{formatDate(c.nextDeadline.due)}</Tag>
          {c.nextDeadline.title}
        </div>
      )}
      {c.unsoldAuctions > 0 && <div>{t('watch.unsold', { n: c.unsoldAuctions })}</div>}
      {c.undeliveredSale && <div>{t('watch.undelivered', { on: formatDate(c.undeliveredSale.soldOn) })}</div>}
    </>
  );
};

const ListCases = ({ list, unitId, asOf }: { list: WatchListSummary; unitId: string; asOf: string }) => {
  const { t } = useI18n();
  const cases = useWatchListCases(list.id, unitId, asOf, true);
  return (
    <Table<CaseStanding>
      size="small"
      rowKey="caseId"
      loading={cases.isPending}
      dataSource={cases.data?.items ?? []}
      pagination={false}
      data-testid={`watch-cases-${list.id}`}
      columns={[
        {
          title: t('watch.col.case'),
          dataIndex: 'caseId',
          render: (id: string) => <Link to={`/viec/${id}`}>{id}</Link>,
        },
        { title: t('watch.col.unit'), dataIndex: 'unitId' },
        { title: t('watch.col.money'), dataIndex: 'money', align: 'right', render: (m: string) => formatMoney(m) },
        { title: t('watch.col.where'), key: 'where', render: (_: unknown, c: CaseStanding) => <CaseObstacles c={c} /> },
      ]}
    />
  );
};

/** The watch lists leadership follows (docs/watchlists.md), for the unit as of the period's end. */
export const WatchLists = ({ unitId, asOf, asKnownAt }: { unitId: string; asOf: string; asKnownAt?: string }) => {
  const { t } = useI18n();
  const lists = useWatchLists(unitId, asOf, asKnownAt);
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid="watch-lists">
      <Typography.Title level={2} className="stats-h2">
        {t('watch.title', { on: formatDate(asOf) })}
      </Typography.Title>
      <Table<WatchListSummary>
        size="small"
        rowKey="id"
        loading={lists.isPending}
        dataSource={lists.data ?? []}
        pagination={false}
        expandable={{ expandedRowRender: (list) => <ListCases list={list} unitId={unitId} asOf={asOf} /> }}
        columns={[
          { title: t('watch.col.list'), dataIndex: 'label' },
          { title: t('watch.col.cases'), dataIndex: 'cases', align: 'right' },
          { title: t('watch.col.money'), dataIndex: 'money', align: 'right', render: (m: string) => formatMoney(m) },
          {
            title: t('watch.col.since'),
            key: 'since',
            align: 'right',
            render: (_: unknown, l: WatchListSummary) => signed(l.sinceYearStart.cases),
          },
          {
            title: t('watch.col.unknown'),
            dataIndex: 'unknownKind',
            align: 'right',
          },
        ]}
      />
    </Card>
  );
};
