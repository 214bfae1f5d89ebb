import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, TreeSelect } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { Unit, UnitNode } from '../../app/units';
import { DATE_FORMAT, toLocalDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n';
import { showProblem } from './problem-form';

const LEVELS = ['central', 'province', 'district'] as const;
const FIELDS = ['unitId', 'name', 'level', 'parentId', 'from', 'until'];

/** The unit tree (GET /api/units); registering a unit (POST /api/units) for the roles that may (`units.register`). */
export const UnitsTab = ({ units, tree }: { units: Unit[]; tree: UnitNode[] }) => {
  const { t } = useI18n();
  const { may } = useAuth();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const [general, setGeneral] = useState<string[]>([]);
  const name = (id: string | null | undefined) => (id ? (units.find((u) => u.unitId === id)?.name ?? id) : '');

  const submit = async () => {
    const v = form.getFieldsValue() as {
      unitId?: string;
      name?: string;
      level?: string;
      parentId?: string;
      from?: Dayjs;
      until?: Dayjs;
    };
    const body = {
      unitId: v.unitId?.trim() ?? '',
      name: v.name?.trim() ?? '',
      level: v.level,
      parentId: v.parentId,
      from: toLocalDate(v.from),
      until: toLocalDate(v.until),
    };
    try {
      const { error, response } = await api.POST('/api/units', { body: body as never });
      if (response.ok) {
        void message.success(t('admin.unit.created', { id: body.unitId }));
        await queries.invalidateQueries({ queryKey: ['units'] });
        setOpen(false);
        form.resetFields();
        return;
      }
      setGeneral(
        showProblem(form, FIELDS, error, t, { 'unit.not-found': 'parentId', 'unit.already-exists': 'unitId' }),
      );
    } catch {
      setGeneral([t('problem.network')]);
    }
  };

  const columns: ColumnsType<UnitNode> = [
    { title: t('admin.unit.name'), dataIndex: 'title', key: 'name' },
    { title: t('admin.unit.id'), dataIndex: 'value', key: 'id' },
    {
      title: t('admin.unit.level'),
      key: 'level',
      render: (_, n) => t(`admin.level.${units.find((u) => u.unitId === n.value)?.level as (typeof LEVELS)[number]}`),
    },
    {
      title: t('admin.unit.parent'),
      key: 'parent',
      render: (_, n) => name(units.find((u) => u.unitId === n.value)?.parentId),
    },
  ];
  // The table draws the tree: children without any are leaves.
  const rows = (nodes: UnitNode[]): UnitNode[] =>
    nodes.map((n) => ({ ...n, children: n.children.length ? rows(n.children) : undefined })) as UnitNode[];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {may('units.register') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setGeneral([]);
            setOpen(true);
          }}
        >
          {t('admin.unit.create')}
        </Button>
      )}
      <Table<UnitNode>
        rowKey="value"
        size="small"
        columns={columns}
        dataSource={rows(tree)}
        pagination={false}
        expandable={{ defaultExpandedRowKeys: tree.map((n) => n.value) }}
      />
      <Modal
        open={open}
        title={t('admin.unit.create')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        okText={t('admin.save')}
        cancelText={t('admin.cancel')}
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
        <Form form={form} layout="vertical" initialValues={{ level: 'district' }}>
          <Form.Item name="unitId" label={t('admin.unit.id')}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="name" label={t('admin.unit.name')}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="level" label={t('admin.unit.level')}>
            <Select options={LEVELS.map((l) => ({ value: l, label: t(`admin.level.${l}`) }))} />
          </Form.Item>
          <Form.Item name="parentId" label={t('admin.unit.parent')}>
            <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" allowClear />
          </Form.Item>
          <Form.Item name="from" label={t('admin.unit.from')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="until" label={t('admin.unit.until')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
};
