import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { CaseObstacles } from '../stats/WatchLists';
import { Outlook, OutlookMeasure, useOutlook } from '../stats/watch-queries';

type Gap = Outlook['closeTheGap'][number];

/** The year's outlook beside the targets (docs/outlook.md): expected rate on 30 September, range, gap. */
export const OutlookCard = ({ unitId, year }: { unitId: string; year: number }) => {
  const { t } = useI18n();
  const outlook = useOutlook(unitId, year);
  const measure = (key: 'cases' | 'money', m: OutlookMeasure) => (
    <Col xs={24} md={12} key={key}>
      <Statistic
        title={t(key === 'cases' ? 'outlook.cases' : 'outlook.money')}
        value={m.expected ?? '—'}
        suffix={m.expected ? '%' : undefined}
      />
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('outlook.detail', {
          now: m.now ?? '—',
          low: m.low ?? '—',
          high: m.high ?? '—',
          target: m.target ?? '—',
          gap: m.gap ?? '—',
        })}
      </Typography.Paragraph>
    </Col>
  );
  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid="outlook" loading={outlook.isPending}>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('outlook.title', { year })}
      </Typography.Title>
      {outlook.data && (
        <>
          <Row gutter={16}>
            {measure('cases', outlook.data.cases)}
            {measure('money', outlook.data.money)}
          </Row>
          <Typography.Paragraph type="secondary">
            {t('outlook.basis', { years: outlook.data.basedOn.join(', ') || '—' })}
          </Typography.Paragraph>
          <Table<Gap>
            size="small"
            rowKey="caseId"
            pagination={false}
            dataSource={outlook.data.closeTheGap}
            columns={[
              {
                title: t('watch.col.case'),
                dataIndex: 'caseId',
                render: (id: string) => <Link to={`/viec/${id}`}>{id}</Link>,
              },
              {
                title: t('outlook.adds'),
                key: 'adds',
                align: 'right',
                render: (_: unknown, c: Gap) => `+${c.adds.money}`,
              },
              { title: t('watch.col.where'), key: 'where', render: (_: unknown, c: Gap) => <CaseObstacles c={c} /> },
            ]}
          />
        </>
      )}
    </Card>
  );
};
