import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Space, Table, TreeSelect, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api, unwrapAs } from '../../api/client';
import { useAuth } from '../../app/auth';
import type { UnitNode } from '../../app/units';
import dayjs from 'dayjs';
import { formatDate, toLocalDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n';
import { reportingYearOf, UnitTargets } from './admin-types';
import { showProblem } from './problem-form';
import { OutlookCard } from './OutlookCard';

const FIELDS = ['cases', 'money'];

/** A row of GET /api/statistics/units: the rate reached and, when targets are set, the gap in percentage points. */
interface ReachedRow {
  unitId: string;
  scope: 'total' | 'own' | 'subtree';
  cases: { rate: string };
  money: { rate: string };
  target?: { casesGap: string; moneyGap: string };
}
/** The API's percentages are decimal strings with a dot; the office writes a comma. */
const toApiPercent = (text: string | undefined) => (text ?? '').trim().replace(',', '.');
const showPercent = (text: string) => text.replace('.', ',');

/**
 * The targets of a unit and those under it for a reporting year (GET /api/units/{unitId}/targets),
 * set by the roles that may (`targets.set`: PUT /api/units/{unitId}/targets/{year}, an event
 * TargetsSet; docs/domain.md §4.5). The statistics report shows the rate against them with the gap.
 */
export const TargetsTab = ({ rootId, tree }: { rootId: string; tree: UnitNode[] }) => {
  const { t } = useI18n();
  const { may } = useAuth();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [unitId, setUnitId] = useState(rootId);
  const [year, setYear] = useState(reportingYearOf(new Date()));
  const [editing, setEditing] = useState<UnitTargets>();
  const [form] = Form.useForm();
  const [general, setGeneral] = useState<string[]>([]);
  const list = useQuery({
    queryKey: ['targets', unitId, year],
    queryFn: () =>
      unwrapAs<{ items: UnitTargets[] }>(
        api.GET('/api/units/{unitId}/targets', { params: { path: { unitId }, query: { year } } as never }),
      ),
  });

  // The rate reached so far in the reporting year, beside the target, with the gap (GET /api/statistics/units).
  const today = toLocalDate(dayjs())!;
  const yearEnd = `${year}-09-30`;
  const reachedTo = today < yearEnd ? today : yearEnd;
  const reached = useQuery({
    queryKey: ['targets', 'reached', unitId, year],
    queryFn: () =>
      unwrapAs<{ rows: ReachedRow[] }>(
        api.GET('/api/statistics/units', {
          params: { query: { unitId, from: `${year - 1}-10-01`, to: reachedTo } } as never,
        }),
      ),
    enabled: may('statistics.read') && `${year - 1}-10-01` <= today,
  });
  const reachedOf = (id: string) => reached.data?.rows.find((r) => r.unitId === id && r.scope !== 'own');

  const open = (row: UnitTargets) => {
    setGeneral([]);
    form.setFieldsValue({
      cases: row.targets ? showPercent(row.targets.cases) : '',
      money: row.targets ? showPercent(row.targets.money) : '',
    });
    form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
    setEditing(row);
  };
  const submit = async () => {
    if (!editing) return;
    const v = form.getFieldsValue() as { cases?: string; money?: string };
    try {
      const { error, response } = await api.PUT('/api/units/{unitId}/targets/{year}', {
        params: { path: { unitId: editing.unitId, year } } as never,
        body: { cases: toApiPercent(v.cases), money: toApiPercent(v.money) } as never,
      });
      if (response.ok) {
        void message.success(t('targets.saved', { unit: editing.name }));
        await queries.invalidateQueries({ queryKey: ['targets'] });
        setEditing(undefined);
        return;
      }
      setGeneral(showProblem(form, FIELDS, error, t));
    } catch {
      setGeneral([t('problem.network')]);
    }
  };

  const columns: ColumnsType<UnitTargets> = [
    { title: t('targets.unit'), dataIndex: 'name', key: 'name' },
    {
      title: t('targets.cases'),
      key: 'cases',
      align: 'right',
      render: (_, r) =>
        r.targets ? (
          showPercent(r.targets.cases)
        ) : (
          <Typography.Text type="secondary">{t('targets.none')}</Typography.Text>
        ),
    },
    {
      title: t('targets.money'),
      key: 'money',
      align: 'right',
      render: (_, r) => (r.targets ? showPercent(r.targets.money) : ''),
    },
    {
      title: t('targets.reached'),
      key: 'reached',
      align: 'right',
      render: (_, r) => {
        const row = reachedOf(r.unitId);
        return row ? (
          <span data-testid={`targets-reached-${r.unitId}`}>
            {showPercent(row.cases.rate)} / {showPercent(row.money.rate)}
          </span>
        ) : (
          ''
        );
      },
    },
    {
      title: t('targets.gap'),
      key: 'gap',
      align: 'right',
      render: (_, r) => {
        const target = reachedOf(r.unitId)?.target;
        if (!target) return '';
        const words = (gap: string) =>
          gap.startsWith('-')
            ? t('targets.short', { gap: showPercent(gap.slice(1)) })
            : t('targets.over', { gap: showPercent(gap) });
        return (
          <span data-testid={`targets-gap-${r.unitId}`}>
            {words(target.casesGap)} / {words(target.moneyGap)}
          </span>
        );
      },
    },
    { title: t('targets.setOn'), key: 'setOn', render: (_, r) => formatDate(r.targets?.setOn) },
    ...(may('targets.set')
      ? [
          {
            title: t('admin.user.actions'),
            key: 'set',
            render: (_: unknown, r: UnitTargets) => (
              <Button size="small" onClick={() => open(r)} data-testid={`targets-set-${r.unitId}`}>
                {t('targets.set')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('targets.intro')}
      </Typography.Paragraph>
      <Form layout="inline">
        <Form.Item label={t('targets.unit')} htmlFor="targets-unit">
          <TreeSelect
            id="targets-unit"
            style={{ minWidth: 320 }}
            treeData={tree}
            value={unitId}
            showSearch
            treeNodeFilterProp="title"
            onChange={(u: string) => setUnitId(u)}
          />
        </Form.Item>
        <Form.Item label={t('targets.year')} htmlFor="targets-year">
          <InputNumber
            id="targets-year"
            min={2000}
            max={2100}
            value={year}
            onChange={(y) => {
              if (y && y >= 2000 && y <= 2100) setYear(y);
            }}
          />
        </Form.Item>
      </Form>
      {list.isError && (
        <Alert type="error" showIcon message={t('app.error')} description={(list.error as Error).message} />
      )}
      {reached.data && (
        <Typography.Paragraph style={{ margin: 0 }} data-testid="targets-period">
          {t('targets.period', { from: formatDate(`${year - 1}-10-01`), to: formatDate(reachedTo) })}
        </Typography.Paragraph>
      )}
      <Table<UnitTargets>
        rowKey="unitId"
        size="small"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={{ pageSize: 50 }}
        data-testid="targets-table"
      />
      <OutlookCard unitId={unitId} year={year} />
      <Modal
        open={editing !== undefined}
        title={editing ? t('targets.setTitle', { year, unit: editing.name }) : t('targets.set')}
        onCancel={() => setEditing(undefined)}
        onOk={() => void submit()}
        okText={t('admin.save')}
        cancelText={t('admin.cancel')}
        okButtonProps={{ 'data-testid': 'targets-save' } as never}
        forceRender
      >
        {general.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 12 }}
            message={general[0]}
            description={general.slice(1).join('\n') || undefined}
          />
        )}
        <Form form={form} layout="vertical">
          <Form.Item name="cases" label={t('targets.cases')} extra={t('targets.percentHint')}>
            <Input inputMode="decimal" autoComplete="off" />
          </Form.Item>
          <Form.Item name="money" label={t('targets.money')}>
            <Input inputMode="decimal" autoComplete="off" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
};
