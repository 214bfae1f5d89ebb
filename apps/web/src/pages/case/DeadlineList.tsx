import { Card, Table, Tag } from 'antd';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n';
import type { Deadline } from './case-types';

// The desk's tags for what is still due (app/global.css), this page's for what is done (case.css).
const TAG: Record<Deadline['status'], string> = {
  open: 'tag-open',
  overdue: 'tag-overdue',
  met: 'tag-met',
  late: 'tag-late',
  cancelled: 'tag-cancelled',
};

/** The case's deadlines with their legal basis and whether they were met (GET /api/cases/{id} deadlines). */
export const DeadlineList = ({ deadlines }: { deadlines: Deadline[] }) => {
  const { t } = useI18n();
  const status = (d: Deadline) => {
    switch (d.status) {
      case 'open':
        return t('deadline.open');
      case 'overdue':
        return t('deadline.overdueBy', { days: d.daysOverdue ?? 0 });
      case 'met':
        return t('case.deadline.met');
      case 'late':
        return t('case.deadline.late', { days: d.daysLate ?? 0 });
      case 'cancelled':
        return t('case.deadline.cancelled');
    }
  };
  // Overdue and open first: what the officer must still do.
  const order: Deadline['status'][] = ['overdue', 'open', 'late', 'met', 'cancelled'];
  const rows = [...deadlines].sort(
    (a, b) => order.indexOf(a.status) - order.indexOf(b.status) || a.due.localeCompare(b.due),
  );
  return (
    <Card size="small" title={t('case.deadlines')} style={{ marginBottom: 12 }}>
      <Table<Deadline>
        size="small"
        rowKey={(d) => `${d.rule}-${d.startsOn}`}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('case.deadline.none') }}
        data-testid="deadlines"
        columns={[
          { title: t('case.deadline.title'), dataIndex: 'title' },
          { title: t('case.deadline.basis'), render: (_, d) => `${d.legalBasis.article}, ${d.legalBasis.law}` },
          { title: t('case.deadline.starts'), render: (_, d) => formatDate(d.startsOn) },
          { title: t('case.deadline.due'), render: (_, d) => formatDate(d.due) },
          { title: t('case.deadline.status'), render: (_, d) => <Tag className={TAG[d.status]}>{status(d)}</Tag> },
          { title: t('case.deadline.done'), render: (_, d) => formatDate(d.satisfiedOn) },
        ]}
      />
    </Card>
  );
};
